import { parseImportMessage } from '../../../../shared/import-messages'
import type { I18n } from '../../i18n'

/** An import row's rejection reason or warning in the UI language (main writes them in English). */
export function importMessageText(message: string, tx: I18n['tx']): string {
  const m = parseImportMessage(message)
  return m ? tx(`import.msg.${m.code}`, message, m.params) : message
}
