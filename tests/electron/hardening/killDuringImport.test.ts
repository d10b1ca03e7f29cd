// kill -9 during an import, again and again: the database stays sound and the import is all or nothing, and a previous import is untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openDatabase } from "../../../electron/engine/db/openDatabase";
import { importFile } from "../../../electron/engine/imports/importFile";
import { applyTag } from "../../../electron/engine/store/tagsStore";
import { linkedInConnections } from "../../fixtures/tempDb";

const ROOT = resolve(import.meta.dirname, "../../..");
const ROWS = 50_000;
const PREVIOUS = 200;
const KILLS = 8;
let dir: string;
let template: string;
let bigCsv: string;

/** A small seeded generator, so that a failing run can be replayed with TIECHECK_KILL_SEED. */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function walSize(db: string): number {
  try {
    return statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
}

interface Run {
  /** ms from spawn until the import's transaction first spilled pages into the -wal file (null: never seen). */
  walStart: number | null;
  exitedAt: number;
  killed: boolean;
  code: number | null;
  stderr: string;
}

/** Runs `tiecheck import` in its own process group; `killAt` decides, on each poll, whether to SIGKILL it now. */
function runImport(
  db: string,
  killAt?: (elapsed: number, walStart: number | null) => boolean,
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        join(ROOT, "electron/cli/index.ts"),
        "import",
        "--db",
        db,
        bigCsv,
      ],
      {
        cwd: dir,
        detached: true,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    const started = Date.now();
    let walStart: number | null = null;
    let killed = false;
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    // tsx runs the script in a child process of its own: killing the group kills both, as kill -9 of the app would.
    const killGroup = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    };
    const poll = setInterval(() => {
      const elapsed = Date.now() - started;
      if (walStart === null && walSize(db) > 0) walStart = elapsed;
      if (!killed && (elapsed > 120_000 || killAt?.(elapsed, walStart))) {
        killed = true;
        killGroup();
      }
    }, 5);
    child.on("error", fail);
    child.on("exit", (code) => {
      clearInterval(poll);
      killGroup();
      done({ walStart, exitedAt: Date.now() - started, killed, code, stderr });
    });
  });
}

function inspect(db: string) {
  const raw = new Database(db);
  try {
    return {
      integrity: raw.pragma("integrity_check", { simple: true }),
      foreignKeys: (raw.pragma("foreign_key_check") as unknown[]).length,
      persons: (
        raw.prepare("SELECT count(*) AS n FROM persons").get() as { n: number }
      ).n,
      connections: (
        raw.prepare("SELECT count(*) AS n FROM connections").get() as {
          n: number;
        }
      ).n,
      batches: (
        raw.prepare("SELECT count(*) AS n FROM import_batches").get() as {
          n: number;
        }
      ).n,
      tags: (
        raw
          .prepare(`SELECT count(*) AS n FROM tags WHERE tag = 'keep'`)
          .get() as { n: number }
      ).n,
      previous: (
        raw
          .prepare(
            `SELECT count(*) AS n FROM persons WHERE display_name LIKE 'Earlier %'`,
          )
          .get() as { n: number }
      ).n,
    };
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tiecheck-kill-"));
  const lines = [
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  ];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `Person${i},Surname${i},https://www.linkedin.com/in/p-${i},p${i}@example${i % 500}.com,Company ${i % 700},Role ${i % 30},12 Jan 2019`,
    );
  }
  bigCsv = join(dir, "Connections.csv");
  writeFileSync(bigCsv, `${lines.join("\n")}\n`);
  // The previous, complete import every kill must leave untouched (with tags the user added).
  template = join(dir, "template.db");
  const db = openDatabase(template);
  const earlier = Array.from(
    { length: PREVIOUS },
    (_, i) =>
      `Earlier,Friend${i},https://www.linkedin.com/in/earlier-${i},,Old Co,Role,01 Jan 2015`,
  );
  writeFileSync(join(dir, "earlier.csv"), linkedInConnections(earlier));
  await importFile(db, join(dir, "earlier.csv"), {
    kind: "connections",
    format: "csv",
    network: "friendster",
  });
  const ids = (
    db.prepare("SELECT id FROM persons LIMIT 10").all() as { id: string }[]
  ).map((r) => r.id);
  applyTag(db, "add", "keep", ids);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kill -9 during an import", () => {
  it(`leaves the database sound and the import all or nothing, ${KILLS} kills then a complete run`, async () => {
    const seed = Number(
      process.env.TIECHECK_KILL_SEED ?? Date.now() % 1_000_000,
    );
    const random = seededRandom(seed);

    // A complete run first: it measures when the import starts writing and how long it writes.
    const calibration = join(dir, "calibration.db");
    copyFileSync(template, calibration);
    const full = await runImport(calibration);
    expect(full.code, full.stderr).toBe(0);
    expect(inspect(calibration)).toMatchObject({
      integrity: "ok",
      persons: PREVIOUS + ROWS,
      batches: 2,
      tags: 10,
    });
    const walStart = full.walStart ?? full.exitedAt / 2;
    const writing = Math.max(200, full.exitedAt - walStart);

    const outcomes: string[] = [];
    let midWrite = 0;
    let last = "";
    for (let i = 0; i < KILLS; i++) {
      const db = join(dir, `kill-${i}.db`);
      copyFileSync(template, db);
      // Two kills while the file is still being read and parsed, the rest while the transaction writes.
      const early = i < 2;
      const delay = early ? random() * walStart : random() * writing * 1.1;
      const run = await runImport(db, (elapsed, seen) =>
        early ? elapsed >= delay : seen !== null && elapsed - seen >= delay,
      );
      const after = inspect(db);
      outcomes.push(
        `#${i} ${early ? "before writing" : "writing"} +${Math.round(delay)}ms: ${run.killed ? "killed" : "finished"}, persons ${after.persons}, wal seen ${run.walStart !== null}`,
      );
      expect(after.integrity, outcomes.join("\n")).toBe("ok");
      expect(after.foreignKeys).toBe(0);
      expect([PREVIOUS, PREVIOUS + ROWS], outcomes.join("\n")).toContain(
        after.persons,
      );
      expect(after.connections).toBe(after.persons);
      expect(after.batches).toBe(after.persons === PREVIOUS ? 1 : 2);
      expect(after.previous).toBe(PREVIOUS);
      expect(after.tags).toBe(10);
      if (run.killed && run.walStart !== null && after.persons === PREVIOUS)
        midWrite++;
      // The app opens it again as it is (integrity check at open included).
      openDatabase(db).close();
      last = db;
    }
    console.log(
      `kill seed ${seed}; calibration: writing from ${walStart} ms for ${writing} ms\n${outcomes.join("\n")}`,
    );
    expect(midWrite, outcomes.join("\n")).toBeGreaterThanOrEqual(2);

    // Finally the same import, run to the end over the last killed database.
    const final = await runImport(last);
    expect(final.code, final.stderr).toBe(0);
    expect(inspect(last)).toMatchObject({
      integrity: "ok",
      foreignKeys: 0,
      persons: PREVIOUS + ROWS,
      connections: PREVIOUS + ROWS,
      previous: PREVIOUS,
      tags: 10,
    });
    expect(existsSync(last)).toBe(true);
  }, 300_000);
});
