import { z } from 'zod'
import { DEFAULT_DIGEST_SCHEDULE, digestScheduleSchema, type DigestSchedule } from './digest-schedule'
import { THEMES, type Theme } from './palette'
import { isTimeZone } from './time'
import { UI_LANGS, type UiLang } from './types'

/**
 * A workspace's settings: the one shape main stores (`settings` table, JSON values), `settings:get`
 * answers and the renderer edits.
 */
export interface Settings {
  orgName: string
  orgLogo: string | null
  language: UiLang
  timeZone: string
  weekStart: number
  authorMinLabelled: number
  authorShare: number
  maskPrivateAuthors: boolean
  reportsFolder: string | null
  theme: Theme
  /** The weekly digest made by the app itself (off by default). */
  digestSchedule: DigestSchedule
}

/** What a new workspace starts with, and what a missing or damaged stored value falls back to. */
export const DEFAULT_SETTINGS: Settings = {
  orgName: 'Акимат города',
  orgLogo: null,
  language: 'ru',
  timeZone: 'Asia/Almaty',
  weekStart: 1,
  authorMinLabelled: 3,
  authorShare: 0.6,
  maskPrivateAuthors: true,
  reportsFolder: null,
  theme: 'light',
  digestSchedule: DEFAULT_DIGEST_SCHEDULE
}

/** `settings:set`: any subset of the settings, each checked. */
export const settingsPatchSchema = z
  .object({
    orgName: z.string().min(1).max(200),
    orgLogo: z.string().max(4000).nullable(),
    language: z.enum(UI_LANGS),
    // An unknown zone would be stored and then break every date computation of the workspace.
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, 'Unknown time zone (use an IANA name like Asia/Almaty)'),
    weekStart: z.number().int().min(0).max(6),
    authorMinLabelled: z.number().int().min(1).max(1000),
    authorShare: z.number().min(0.5).max(1),
    maskPrivateAuthors: z.boolean(),
    reportsFolder: z.string().max(4000).nullable(),
    theme: z.enum(THEMES),
    digestSchedule: digestScheduleSchema
  })
  .partial()
  .strict()
