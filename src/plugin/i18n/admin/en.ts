/**
 * English admin strings of the plugin, the fallback of every admin language. Payload's i18n reads
 * them as `t('policy-posts:<key>')` and fills `{{name}}` placeholders from its second argument.
 */
export const en = {
  importCancel: 'Cancel',
  importCheck: 'Check and import',
  importChooseFile: 'Or choose a .txt file',
  importCreated: 'Imported as a draft: {{footnotes}} new citation record(s), {{reused}} existing one(s) reused.',
  importFailed: 'The import failed',
  importForce: 'Import anyway',
  importLanguage: 'Language',
  importOpen: 'Import article',
  importOpenDraft: 'Open the draft',
  importPaste: 'Paste the article (title, category, key points, text with [i] markers, endnotes)',
  importProblems: 'The text has {{count}} problem(s). Nothing was imported. Fix the text, or import it anyway:',
  importTitle: 'Import an article from text',
  publishByEditor: 'An editor publishes this version.',
  translationsCreate: 'Create {{language}} version',
  translationsDraft: 'Draft',
  translationsFailed: 'The action failed',
  translationsHeading: 'Translations',
  translationsLink: 'Link existing post',
  translationsLinkTitle: 'Choose the {{language}} version',
  translationsLoading: 'Loading versions…',
  translationsMarkUpToDate: 'Mark up to date',
  translationsMissing: 'No version yet',
  translationsOriginal: 'Original',
  translationsOutdated: 'Outdated',
  translationsOutdatedHint: 'The source changed after this translation was made.',
  translationsPublished: 'Published',
  translationsSaveFirst: 'Save this post to link or create its other language versions.',
  translationsThisPost: 'this post',
  translationsUnlink: 'Unlink',
  translationsUnlinkConfirm: 'Unlink "{{title}}" from the other language versions?',
  translationsUpToDate: 'Up to date',
}

export type PolicyPostsAdminKey = keyof typeof en
