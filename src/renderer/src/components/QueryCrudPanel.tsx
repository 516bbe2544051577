import { useEffect, useState, type ReactNode } from 'react'
import type { CatalogPart } from '../../../shared/api'
import { useCatalogVersion } from '../hooks/useCatalog'
import { useQuery } from '../hooks/useQuery'
import { useToast } from '../hooks/useToast'
import { useI18n } from '../i18n'
import { ConfirmDialog, Dialog } from './Dialog'
import { EmptyState, ErrorNote, errorText, Spinner } from './ErrorNote'
import { Icon } from './Icon'
import { QueryInput, useQueryCheck } from './QueryInput'
import { QueryTester } from './QueryTester'

/** One entry of a query-defined list: a topic or a monitoring subject. */
export interface QueryItem {
  id: number
  name: string
  query: string | null
  enabled: boolean
}

/** What a row shows besides its own columns: the on/off switch and the edit and remove buttons. */
export interface RowControls {
  toggle: ReactNode
  actions: ReactNode
}

/** The texts of one panel, already translated. */
export interface QueryCrudTexts {
  title: string
  about: string
  add: string
  edit: string
  empty?: string
  query: string
  queryHint?: string
  removeTitle: string
  removeBody(name: string): string
  /** The remove button's accessible name. */
  remove(name: string): string
  /** The switch's accessible name. */
  enable(name: string): string
}

export interface QueryCrudPanelProps<Item extends QueryItem, Draft extends { query: string }> {
  /** The catalog part whose `catalog:changed` reloads the list (main announces every edit). */
  part: Extract<CatalogPart, 'topics' | 'subjects'>
  /** The heading's id; also the panel's test id prefix (`${id}-…`). */
  id: string
  testId?: string
  load(): Promise<Item[]>
  texts: QueryCrudTexts
  /** Test ids of the add button, the dialog and the query editor. */
  testIds: { add?: string; dialog?: string; query: string }
  /** The rows, laid out by the page (a table, a list), each given its controls. */
  list(items: Item[], controls: (item: Item) => RowControls): ReactNode
  /** The dialog's form for an item (null: a new one). */
  draft(item: Item | null): Draft
  fields(draft: Draft, set: (patch: Partial<Draft>) => void): ReactNode
  /** Whether the draft may be saved, besides a query that parses. */
  valid(draft: Draft): boolean
  /** Saves the draft; the answer is the toast shown after. */
  save(draft: Draft, item: Item | null): Promise<string>
  setEnabled(item: Item, enabled: boolean): Promise<unknown>
  remove(item: Item): Promise<unknown>
}

/**
 * A list of query-defined entries (topics, subjects) with an on/off switch, an edit dialog whose
 * query editor checks and tests the query live, and a confirmed remove. The list reloads when main
 * announces the change (`catalog:changed`), whichever window made it.
 */
export function QueryCrudPanel<Item extends QueryItem, Draft extends { query: string }>(
  p: QueryCrudPanelProps<Item, Draft>
) {
  const { t, tx } = useI18n()
  const { notify } = useToast()
  const changes = useCatalogVersion(p.part)
  const list = useQuery(p.load, [changes])
  const [edit, setEdit] = useState<Item | 'new' | null>(null)
  const [remove, setRemove] = useState<Item | null>(null)
  const fail = (e: unknown): void => notify(errorText(e, tx).title, { kind: 'error' })
  const controls = (item: Item): RowControls => ({
    toggle: (
      <label className="switch">
        <input
          type="checkbox"
          checked={item.enabled}
          aria-label={p.texts.enable(item.name)}
          onChange={(e) => void p.setEnabled(item, e.target.checked).catch(fail)}
        />
        <span aria-hidden="true" />
      </label>
    ),
    actions: (
      <>
        <button className="btn small" onClick={() => setEdit(item)}>
          {t('common.edit')}
        </button>
        <button className="icon-btn" onClick={() => setRemove(item)} aria-label={p.texts.remove(item.name)}>
          <Icon name="close" />
        </button>
      </>
    )
  })
  return (
    <section className="panel" aria-labelledby={p.id} data-testid={p.testId}>
      <header className="panel-head">
        <h2 id={p.id}>{p.texts.title}</h2>
        <span className="grow" />
        <button className="btn primary" onClick={() => setEdit('new')} data-testid={p.testIds.add}>
          <Icon name="plus" /> {p.texts.add}
        </button>
      </header>
      <p className="muted small">{p.texts.about}</p>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Spinner label={t('common.loading')} />}
      {p.texts.empty && list.data?.length === 0 && <EmptyState title={p.texts.empty} icon="◎" />}
      {list.data && list.data.length > 0 ? p.list(list.data, controls) : null}
      <QueryDialog
        {...p}
        item={edit === 'new' ? null : edit}
        open={edit !== null}
        onClose={() => setEdit(null)}
        onSaved={(message) => {
          setEdit(null)
          notify(message)
        }}
      />
      <ConfirmDialog
        open={remove !== null}
        title={p.texts.removeTitle}
        body={<p>{p.texts.removeBody(remove?.name ?? '')}</p>}
        confirmLabel={t('common.remove')}
        danger
        onClose={() => setRemove(null)}
        onConfirm={() => {
          const x = remove
          setRemove(null)
          if (x) void p.remove(x).catch(fail)
        }}
      />
    </section>
  )
}

/** The edit dialog: the page's fields, the query editor and the live tester. */
function QueryDialog<Item extends QueryItem, Draft extends { query: string }>({
  item,
  open,
  onClose,
  onSaved,
  texts,
  testIds,
  draft: toDraft,
  fields,
  valid,
  save: saveDraft
}: QueryCrudPanelProps<Item, Draft> & {
  item: Item | null
  open: boolean
  onClose: () => void
  onSaved: (message: string) => void
}) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<Draft>(() => toDraft(null))
  const [error, setError] = useState<unknown>(null)
  const check = useQueryCheck(draft.query)
  useEffect(() => {
    if (!open) return
    setDraft(toDraft(item))
    setError(null)
    // The draft is taken when the dialog opens, not again while the user types.
  }, [open, item])
  const ok = valid(draft) && check.ok
  const save = async (): Promise<void> => {
    if (!ok) return
    try {
      onSaved(await saveDraft(draft, item))
    } catch (e) {
      setError(e)
    }
  }
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }))
  return (
    <Dialog
      open={open}
      wide
      title={item ? texts.edit : texts.add}
      onClose={onClose}
      testId={testIds.dialog}
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn primary" disabled={!ok} onClick={() => void save()}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <div className="form">
        {fields(draft, set)}
        <div className="field">
          <span>{texts.query}</span>
          <QueryInput
            value={draft.query}
            onChange={(query) => set({ query } as Partial<Draft>)}
            label={texts.query}
            multiline
            testId={testIds.query}
            placeholder={t('search.placeholder')}
          />
          {texts.queryHint ? <span className="field-hint">{texts.queryHint}</span> : null}
        </div>
        <QueryTester query={draft.query} />
        {error ? <ErrorNote error={error} /> : null}
      </div>
    </Dialog>
  )
}
