import { useSettings } from '../../hooks/useSettings'
import { useI18n } from '../../i18n'

const LICENCES: [string, string, string][] = [
  ['PT Sans', 'SIL Open Font License 1.1', 'ParaType'],
  ['RuSentNE-2023', 'MIT', 'RuSentNE-2023 authors'],
  ['AG Grid Community', 'MIT', 'AG Grid Ltd'],
  ['Apache ECharts', 'Apache-2.0', 'The Apache Software Foundation'],
  ['React', 'MIT', 'Meta Platforms, Inc.'],
  ['Electron', 'MIT', 'OpenJS Foundation'],
  ['better-sqlite3 / SQLite', 'MIT / public domain', 'Joshua Wise; SQLite'],
  ['zod', 'MIT', 'Colin McDonnell']
]

/** Version, where the data is, and the licences of what Otklik is built from. */
export function AboutSettings() {
  const { t, num } = useI18n()
  const { info } = useSettings()
  return (
    <section className="panel" data-testid="settings-about">
      <h2>{t('about.title')}</h2>
      <p>{t('about.body')}</p>
      <dl className="meta">
        <div>
          <dt>{t('about.version')}</dt>
          <dd data-testid="app-version">{info.version}</dd>
        </div>
        <div>
          <dt>{t('about.db')}</dt>
          <dd className="mono small">{info.dbPath}</dd>
        </div>
        <div>
          <dt>{t('about.schema')}</dt>
          <dd>{num(info.schemaVersion)}</dd>
        </div>
      </dl>
      <h3 className="sub-h">{t('about.licences')}</h3>
      <table className="table compact">
        <tbody>
          {LICENCES.map(([what, lic, who]) => (
            <tr key={what}>
              <td className="strong">{what}</td>
              <td>{lic}</td>
              <td className="muted">{who}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('about.privacy')}</p>
    </section>
  )
}
