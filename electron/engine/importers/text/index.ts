// The text layer importers share: bytes → text (encodings, binary refusal) and text → CSV rows and tables.
export { ImportError, fileBaseName } from '../importError';
export {
  ENCODING_SAMPLE_BYTES,
  TextStreamDecoder,
  assertTextLike,
  decodeText,
  detectEncoding,
  type DecodedText,
  type EncodingGuess,
  type TextEncodingName,
} from './decodeText';
export { CsvRowSplitter, MAX_FIELD_CHARS, splitCsvRows, type CsvRow } from './csvRows';
export { CsvTableReader, detectDelimiter, readCsvTable, type CsvTable, type CsvTableHandlers, type CsvTableSummary } from './csvTable';
export { readTextFile, streamTextFile, type TextStreamInfo } from './textFile';
export { fileSource, readAllBytes, toByteSource, type ByteSource } from './byteSource';
