import type { LearningCurvePoint } from '../../../../shared/views'
import { useI18n } from '../../i18n'

/** Quality of the office's model against the number of labels it learned from (cross-validated). */
export function LearningCurve({ points }: { points: LearningCurvePoint[] }) {
  const { t, num, pct } = useI18n()
  if (!points.length) return null
  return (
    <figure className="learning-curve" data-testid="model-curve">
      <figcaption>{t('model.curve')}</figcaption>
      <table className="table compact narrow">
        <thead>
          <tr>
            <th className="num">{t('model.curve.labels')}</th>
            <th className="num">{t('model.f1pn')}</th>
            <th className="num">{t('model.accuracy')}</th>
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.labels} data-testid="model-curve-point">
              <td className="num">{num(p.labels)}</td>
              <td className="num strong">{pct(p.f1pn, 1)}</td>
              <td className="num">{pct(p.accuracy, 1)}</td>
              <td className="curve-bar">
                <span className="share-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(p.f1pn * 100)}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('model.curve.note')}</p>
    </figure>
  )
}
