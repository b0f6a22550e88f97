export interface EndnoteRefProps {
  /** Roman label, e.g. `iii`. */
  label: string
  /** Target in the endnotes list, e.g. `note-iii`. */
  anchorId: string
  /** This reference's own id (on the parent `<sup>`), e.g. `ref-iii-2`. */
  refId: string
  /** The note's citation as plain text. */
  preview: string
}

/**
 * `[iii]` in the body: a link to the note and, hidden until asked for, a preview of the
 * citation. Plain markup (the body is rendered to an HTML string once per version); one
 * delegated script for the whole article (EndnotePreviews) opens the preview on hover, focus
 * and tap. The preview is always in the DOM, so `aria-describedby` points at real text even
 * before (or without) JavaScript.
 */
export function EndnoteRefMarkup({ anchorId, label, preview, refId }: EndnoteRefProps) {
  if (!preview) {
    return (
      <a className="noteref__link" href={`#${anchorId}`} role="doc-noteref">
        [{label}]
      </a>
    )
  }
  const previewId = `${refId}-preview`
  return (
    <>
      <a aria-describedby={previewId} className="noteref__link" href={`#${anchorId}`} role="doc-noteref">
        [{label}]
      </a>
      <span className="noteref__preview" hidden id={previewId} role="tooltip">
        <span className="noteref__label">{label}.</span> {preview}
      </span>
    </>
  )
}
