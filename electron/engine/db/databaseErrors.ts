// Why a database file was refused: each door prints these messages as they are, without a stack trace.

/**
 * Every refusal to open or change a database file. The name is historical (a newer schema was the
 * first reason); the CLI and the other doors already treat it as a user-facing message, so the
 * other refusals below extend it.
 */
export class DatabaseVersionError extends Error {}

/** The file is damaged, or not a Tiecheck database at all. */
export class DatabaseFileError extends DatabaseVersionError {}

/** A schema migration failed; it was rolled back and a backup was left beside the file. */
export class DatabaseMigrationError extends DatabaseVersionError {}
