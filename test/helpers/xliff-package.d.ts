// The `xliff` package ships no types; the calls the third-party check makes.
declare module 'xliff' {
  type Inline = string | Record<string, Record<string, unknown>>
  export interface XliffUnit {
    [key: string]: unknown
    source: Inline | Inline[]
    target?: Inline | Inline[]
  }
  export interface XliffJs {
    [key: string]: unknown
    resources: Record<string, Record<string, XliffUnit>>
    sourceLanguage: string
    targetLanguage: string
  }
  const xliff: {
    js2xliff(js: XliffJs, options?: { indent?: string; targetXliffVersion?: string }): Promise<string>
    jsToXliff12(js: XliffJs, options?: { indent?: string }): Promise<string>
    xliff12ToJs(xml: string): Promise<XliffJs>
    xliff2js(xml: string): Promise<XliffJs>
  }
  export default xliff
}
