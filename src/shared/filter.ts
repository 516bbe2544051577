import { z } from 'zod'
import { AUTHOR_TYPES, PLATFORMS, RESPONSE_STATUSES } from './types'
import { EARLIEST_DATE, isAcceptedDate, LATEST_DATE } from './time'

/** A day 'YYYY-MM-DD' between 1990-01-01 and 2100-12-31: every date an API input carries. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date YYYY-MM-DD')
  .refine(isAcceptedDate, `Expected a calendar date from ${EARLIEST_DATE} to ${LATEST_DATE}`)
const date = dateSchema

/** The filter panel's state: shared by the grid, counts, charts, authors and exports. */
export const mentionFilterSchema = z
  .object({
    from: date.optional(),
    to: date.optional(),
    sentiments: z
      .array(z.enum(['negative', 'neutral', 'positive', 'unlabelled']))
      .max(4)
      .optional(),
    platforms: z.array(z.enum(PLATFORMS)).max(PLATFORMS.length).optional(),
    mediaType: z.enum(['media', 'social']).optional(),
    authorTypes: z.array(z.enum(AUTHOR_TYPES)).max(AUTHOR_TYPES.length).optional(),
    authorIds: z.array(z.number().int().positive()).max(1000).optional(),
    outletIds: z.array(z.number().int().positive()).max(1000).optional(),
    sourceIds: z.array(z.number().int().positive()).max(1000).optional(),
    topicIds: z.array(z.number().int().positive()).max(100).optional(),
    subjectIds: z.array(z.number().int().positive()).max(100).optional(),
    batchIds: z.array(z.number().int().positive()).max(100).optional(),
    langs: z.array(z.string().max(8)).max(10).optional(),
    search: z.string().max(2000).optional(),
    irrelevant: z.enum(['hide', 'only', 'all']).optional(),
    response: z.array(z.enum(RESPONSE_STATUSES)).max(3).optional(),
    storyId: z.number().int().positive().optional(),
    collapseStories: z.boolean().optional()
  })
  .strict()
export type MentionFilter = z.infer<typeof mentionFilterSchema>

export const SORTABLE_COLUMNS = [
  'publishedAt',
  'platform',
  'sentiment',
  'reach',
  'views',
  'likes',
  'reposts',
  'comments',
  'engagement',
  'storySize'
] as const
export type SortColumn = (typeof SORTABLE_COLUMNS)[number]
export const sortSchema = z.object({ col: z.enum(SORTABLE_COLUMNS), dir: z.enum(['asc', 'desc']) }).strict()
export type Sort = z.infer<typeof sortSchema>

/** Media platforms (the rest are social networks). */
export const MEDIA_PLATFORMS = ['news'] as const
