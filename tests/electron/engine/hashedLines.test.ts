// The compact key → line table of the in-file duplicate rule: lookups survive growth, details compare, nothing is lost.
import { describe, expect, it } from 'vitest';
import { HashedLines } from '../../../electron/engine/imports/hashedLines';

describe('HashedLines', () => {
  it('finds every key added, through many growths, and no key that was not', () => {
    const t = new HashedLines(false, 4);
    for (let i = 1; i <= 200_000; i++) t.add(`e:person${i}@example.com`, i + 1);
    for (let i = 1; i <= 200_000; i += 997) expect(t.lineOf(`e:person${i}@example.com`)).toBe(i + 1);
    for (let i = 200_001; i <= 400_000; i++) if (t.lineOf(`e:person${i}@example.com`) !== 0) throw new Error(`false hit for ${i}`);
  });

  it('keeps the first line of a key and compares the whole row by its hash', () => {
    const t = new HashedLines(true);
    t.add('r:amit kumar|exl|analyst|2022-03-28', 5, 'Amit\u001fKumar\u001fEXL');
    t.add('r:amit kumar|exl|analyst|2022-03-28', 9, 'AMIT\u001fKUMAR\u001fEXL');
    expect(t.lineOf('r:amit kumar|exl|analyst|2022-03-28')).toBe(5);
    expect(t.sameDetail('r:amit kumar|exl|analyst|2022-03-28', 'Amit\u001fKumar\u001fEXL')).toBe(true);
    expect(t.sameDetail('r:amit kumar|exl|analyst|2022-03-28', 'AMIT\u001fKUMAR\u001fEXL')).toBe(false);
    expect(t.sameDetail('r:wei zhang|||', 'Wei Zhang')).toBe(false);
  });
});
