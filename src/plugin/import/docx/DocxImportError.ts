export type DocxImportErrorCode =
  | 'corrupt'
  | 'encrypted'
  | 'legacy-doc'
  | 'not-docx'
  | 'not-text'
  | 'too-large'
  | 'too-many-notes'

/**
 * A file the importer refuses as a whole (wrong format, unreadable, too big, too many notes).
 * Raised before anything is written; `message` is meant for the editor as it is.
 */
export class DocxImportError extends Error {
  readonly code: DocxImportErrorCode

  constructor(code: DocxImportErrorCode, message: string) {
    super(message)
    this.code = code
    this.name = 'DocxImportError'
  }
}
