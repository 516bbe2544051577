import { Dialog } from './Dialog'
import { useI18n, type MessageKey } from '../i18n'

const GROUPS: { title: MessageKey; keys: [string, MessageKey][] }[] = [
  {
    title: 'help.group.global',
    keys: [
      ['F1', 'help.key.help'],
      ['Alt+1 … Alt+7', 'help.key.pages'],
      ['/  ·  Ctrl+F', 'help.key.search'],
      ['Esc', 'help.key.close'],
      ['Tab  ·  Shift+Tab', 'help.key.tab']
    ]
  },
  {
    title: 'help.group.mentions',
    keys: [
      ['↑ ↓  ·  PgUp PgDn', 'help.key.move'],
      ['Enter', 'help.key.open'],
      ['Space', 'help.key.select'],
      ['1 · 2 · 3', 'help.key.sentiment'],
      ['0', 'help.key.clearSentiment'],
      ['I', 'help.key.irrelevant'],
      ['R', 'help.key.response'],
      ['O', 'help.key.link'],
      ['Ctrl+E', 'help.key.export']
    ]
  },
  {
    title: 'help.group.authors',
    keys: [
      ['Enter', 'help.key.authorMentions'],
      ['Space', 'help.key.select']
    ]
  }
]

/** F1: every keyboard shortcut in one place. */
export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n()
  return (
    <Dialog open={open} title={t('help.title')} onClose={onClose} testId="help-dialog" wide>
      <div className="help-grid">
        {GROUPS.map((g) => (
          <section key={g.title}>
            <h3>{t(g.title)}</h3>
            <dl className="keys">
              {g.keys.map(([k, d]) => (
                <div key={d + k}>
                  <dt>
                    <kbd>{k}</kbd>
                  </dt>
                  <dd>{t(d)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted small">{t('help.query')}</p>
    </Dialog>
  )
}
