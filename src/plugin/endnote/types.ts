/** Props the server feature hands to `EndnoteFeatureClient`. */
export type EndnoteFeatureClientProps = {
  footnotesSlug: string
}
