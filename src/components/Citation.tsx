import type { CitationSegment } from 'payload-policy-posts'

/** A citation in house style; URL segments become links (breakable, printed in full). */
export function Citation({ segments }: { segments: CitationSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'url' ? (
          <a className="citation-url" href={segment.text} key={index} rel="noopener noreferrer">
            {segment.text}
          </a>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}
