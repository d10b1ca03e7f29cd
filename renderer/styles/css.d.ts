// Lets TypeScript accept the side-effect stylesheet imports vite bundles (`import './page.css'`).
declare module '*.css';
