/** What an uploaded article file is, judged by its bytes rather than its name. */
export type FileKind =
  /** A ZIP container: a .docx (or another Office Open XML file). */
  | 'zip'
  /** An OLE compound file holding an encrypted package: a password-protected .docx. */
  | 'encrypted-docx'
  /** Another OLE compound file: a Word 97–2003 .doc or similar. */
  | 'ole'
  /** Bytes that are not UTF-8 text (NUL bytes, invalid sequences). */
  | 'binary'
  | 'text'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
// Office writes a password-protected .docx as an OLE file with this stream (MS-OFFCRYPTO).
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le')

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((byte, i) => bytes[i] === byte)

export function sniffFile(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP)) return 'zip'
  if (startsWith(bytes, OLE)) return Buffer.from(bytes).includes(ENCRYPTED_PACKAGE) ? 'encrypted-docx' : 'ole'
  if (bytes.includes(0)) return 'binary'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'text'
  } catch {
    return 'binary'
  }
}
