import type { LexicalCommand, NodeKey } from '@payloadcms/richtext-lexical/lexical'

import { createCommand } from '@payloadcms/richtext-lexical/lexical'

/** Opens the footnote picker to change the footnote an existing endnote node cites. */
export const CHANGE_ENDNOTE_COMMAND: LexicalCommand<{ nodeKey: NodeKey }> =
  createCommand('CHANGE_ENDNOTE_COMMAND')
