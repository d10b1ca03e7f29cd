// "Where do I get this file?": one disclosure per source, with its steps, grouped by connections and interactions.
import { SOURCE_GUIDES, type SourceKind } from './sourceGuides';

const GROUPS: { kind: SourceKind; title: string }[] = [
  { kind: 'connections', title: 'Who you are linked to' },
  { kind: 'interactions', title: 'Proof that you talk' },
];

export function SourceGuides() {
  return (
    <section className="card import-guides" aria-labelledby="guides-title">
      <h2 id="guides-title">Where do I get this file?</h2>
      <p className="muted">Every network lets you download your own data. These are the steps as of today; the menus move now and then, but the names stay close.</p>
      {GROUPS.map((g) => (
        <div key={g.kind}>
          <h3>{g.title}</h3>
          {SOURCE_GUIDES.filter((s) => s.kind === g.kind).map((s) => (
            <details key={s.id} className="import-guide">
              <summary>
                {s.title} <span className="muted">— {s.file}</span>
              </summary>
              <ol>
                {s.steps.map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
              {s.note ? <p className="muted">{s.note}</p> : null}
            </details>
          ))}
        </div>
      ))}
    </section>
  );
}
