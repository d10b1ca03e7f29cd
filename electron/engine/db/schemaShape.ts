// The shape of a Tiecheck schema (its tables, indexes and their SQL), to tell a genuine database of a known version from anything else.
import Database from 'better-sqlite3';
import { loadMigrations, type Db, type Migration } from './openDatabase';

export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

/** The user-defined objects of one attached schema ('main', or an ATTACH name), in a stable order. */
export function describeSchema(db: Db, schema = 'main'): SchemaObject[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  return db
    .prepare(`SELECT type, name, tbl_name AS "table", coalesce(sql, '') AS sql FROM "${schema}".sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
    .all() as SchemaObject[];
}

/** What the shipped migrations up to `version` create, built in memory. */
export function referenceSchema(version: number, migrations: Migration[] = loadMigrations()): SchemaObject[] {
  const db = new Database(':memory:');
  try {
    for (const m of migrations) if (m.version <= version) db.exec(m.sql);
    return describeSchema(db);
  } finally {
    db.close();
  }
}

/** The first difference between two schemas, or null when they are the same. */
export function schemaDifference(found: SchemaObject[], expected: SchemaObject[]): string | null {
  const key = (o: SchemaObject) => `${o.type} ${o.name}`;
  const want = new Map(expected.map((o) => [key(o), o]));
  const have = new Map(found.map((o) => [key(o), o]));
  for (const [k, o] of want) {
    if (!have.has(k)) return `${k} is missing`;
    if (have.get(k)!.sql !== o.sql) return `${k} is defined differently`;
  }
  for (const k of have.keys()) if (!want.has(k)) return `${k} is not part of Tiecheck's schema`;
  return null;
}

/** Tables in an order that lets rows be inserted parent first (foreign keys are deferred anyway). */
export function tableNames(db: Db, schema = 'main'): string[] {
  return describeSchema(db, schema)
    .filter((o) => o.type === 'table')
    .map((o) => o.name);
}
