import type { TargetField } from '../types'
import type { PresetDef } from './presets'

/* Built-in export formats. Header names are copied from the exports (see EXPORT-FORMATS.md). */

export const BA: PresetDef = {
  id: 'brand-analytics',
  variant: null,
  // prettier-ignore
  signature: ['Дата', 'Время', 'Hash сообщения', 'ID сообщения', 'Заголовок', 'Текст', 'Источник', 'Url', 'Тип источника', 'Тип сообщения', 'Автор', 'Url автора', 'Тип автора', 'Место публикации', 'Url места публикации', 'Аудитория', 'Комментариев', 'Репостов', 'Лайков', 'Просмотров', 'Тональность', 'Обработано'],
  minMatch: 6,
  anyOf: [
    'Hash сообщения',
    'ID сообщения',
    'Url места публикации',
    'Лайков',
    'Репостов',
    'Обработано',
    'Цитируемость СМИ'
  ],
  fields: {
    externalId: ['Hash сообщения'],
    date: ['Дата'],
    time: ['Время'],
    title: ['Заголовок'],
    text: ['Текст'],
    url: ['Url'],
    platform: ['Источник'],
    sourceType: ['Тип источника'],
    kind: ['Тип сообщения'],
    author: ['Автор'],
    authorUrl: ['Url автора'],
    authorType: ['Тип автора'],
    outlet: ['Место публикации', 'Источник'],
    outletUrl: ['Url места публикации'],
    gender: ['Пол'],
    age: ['Возраст'],
    followers: ['Аудитория'],
    reach: ['Аудитория', 'Аудитория СМИ'],
    audience: ['Аудитория СМИ'],
    comments: ['Комментариев'],
    reposts: ['Репостов'],
    likes: ['Лайков'],
    views: ['Просмотров'],
    sentiment: ['Тональность'],
    lang: ['Язык']
  },
  tagsAfter: 'Обработано'
}

const YOUSCAN_FIELDS = (ru: boolean): Partial<Record<TargetField, string[]>> =>
  ru
    ? {
        date: ['Дата'],
        time: ['Время'],
        title: ['Заголовок'],
        text: ['Текст', 'Дайджест текста'],
        kind: ['Тип поста'],
        url: ['URL'],
        sentiment: ['Тональность'],
        author: ['Автор'],
        authorUrl: ['Профиль'],
        followers: ['Подписчики'],
        gender: ['Демография'],
        age: ['Возраст'],
        platform: ['Источник'],
        outlet: ['Место публикации'],
        outletUrl: ['Профиль места публикации'],
        audience: ['Подписчики места публикации'],
        sourceType: ['Тип источника'],
        likes: ['Сумма всех реакций', 'Лайки'],
        comments: ['Комментарии'],
        reposts: ['Репосты'],
        views: ['Просмотры'],
        reach: ['Потенциальный охват', 'Подписчики']
      }
    : {
        date: ['Date'],
        time: ['Time'],
        title: ['Title'],
        text: ['Text'],
        kind: ['Post type'],
        url: ['URL'],
        sentiment: ['Sentiment'],
        author: ['Author'],
        authorUrl: ['Profile'],
        followers: ['Subscribers'],
        gender: ['Demography'],
        age: ['Age'],
        platform: ['Source'],
        outlet: ['Publication place'],
        outletUrl: ['Publication place profile'],
        audience: ['Publication place subscribers'],
        sourceType: ['Resource type'],
        likes: ['Reactions', 'Likes'],
        comments: ['Comments'],
        reposts: ['Reposts'],
        views: ['Views'],
        reach: ['Potential reach', 'Subscribers']
      }

export const YOUSCAN_RU: PresetDef = {
  id: 'youscan',
  variant: 'ru',
  // prettier-ignore
  signature: ['Дата', 'Время', 'Заголовок', 'Текст', 'Тип поста', 'URL', 'Тональность', 'Автор', 'Профиль', 'Подписчики', 'Демография', 'Возраст', 'Источник', 'Место публикации', 'Профиль места публикации', 'Подписчики места публикации', 'Тип источника', 'Сумма всех реакций', 'Лайки', 'Комментарии', 'Репосты', 'Просмотры'],
  minMatch: 6,
  anyOf: [
    'Тип поста',
    'Профиль',
    'Демография',
    'Профиль места публикации',
    'Сумма всех реакций',
    'Дайджест текста'
  ],
  fields: YOUSCAN_FIELDS(true)
}

export const YOUSCAN_EN: PresetDef = {
  id: 'youscan',
  variant: 'en',
  // prettier-ignore
  signature: ['Date', 'Time', 'Saved at', 'Title', 'Text', 'Post type', 'URL', 'Sentiment', 'Author', 'Profile', 'Subscribers', 'Demography', 'Age', 'Source', 'Publication place', 'Publication place profile', 'Publication place subscribers', 'Resource type', 'Reactions', 'Likes', 'Comments', 'Reposts', 'Views'],
  minMatch: 6,
  anyOf: ['Post type', 'Publication place', 'Demography', 'Resource type', 'Saved at'],
  fields: YOUSCAN_FIELDS(false)
}

export const MEDIALOGIA_EXCEL: PresetDef = {
  id: 'medialogia',
  variant: 'excel',
  // prettier-ignore
  signature: ['Время публикации', 'Текст сообщения', 'Ссылка на сообщение', 'Кто пишет', 'Где пишет', 'Аудитория блога', 'Аудитория автора', 'Тип блога', 'СМ Индекс', 'Семейный статус', 'Образование', 'Статус на площадке', 'Оценка от 1 до 5'],
  minMatch: 4,
  anyOf: ['Кто пишет', 'Где пишет', 'Ссылка на сообщение', 'Оценка от 1 до 5', 'СМ Индекс'],
  fields: {
    publishedAt: ['Время публикации'],
    text: ['Текст сообщения', 'Автораспознанный текст'],
    url: ['Ссылка на сообщение'],
    author: ['Кто пишет'],
    outlet: ['Где пишет', 'Блог'],
    outletUrl: ['Профиль блога'],
    // Two audience columns are filled unevenly: the author's first, else the blog's.
    reach: ['Аудитория автора', 'Аудитория блога'],
    followers: ['Аудитория автора'],
    audience: ['Аудитория блога'],
    sourceType: ['Тип блога'],
    sentiment: ['Оценка от 1 до 5']
  },
  sentimentScale: 'grade5'
}

export const MEDIALOGIA_CSV: PresetDef = {
  ...MEDIALOGIA_EXCEL,
  variant: 'csv',
  // prettier-ignore
  signature: ['Блог', 'Профиль блога', 'Автораспознанный текст', 'Время публикации', 'Текст сообщения', 'Ссылка на сообщение', 'Кто пишет', 'Аудитория блога', 'Аудитория автора', 'Тип блога', 'Оценка от 1 до 5'],
  minMatch: 3,
  anyOf: ['Профиль блога', 'Автораспознанный текст'],
  fields: { ...MEDIALOGIA_EXCEL.fields, outlet: ['Блог', 'Где пишет'] }
}

export const MELTWATER: PresetDef = {
  id: 'meltwater',
  variant: null,
  // prettier-ignore
  signature: ['Date', 'Headline', 'URL', 'Opening Text', 'Hit Sentence', 'Source', 'Influencer', 'Country', 'Language', 'Reach', 'AVE', 'Sentiment', 'Key Phrases', 'Input Name', 'Keywords', 'Document Tags', 'Engagement'],
  minMatch: 5,
  anyOf: ['Hit Sentence', 'Opening Text', 'Headline', 'Input Name', 'AVE'],
  fields: {
    publishedAt: ['Date'],
    date: ['Alternate Date Format'],
    time: ['Time'],
    title: ['Headline'],
    text: ['Opening Text', 'Hit Sentence'],
    url: ['URL'],
    outlet: ['Source'],
    author: ['Influencer', 'Twitter Screen Name'],
    authorUrl: ['User Profile Url'],
    followers: ['Twitter Followers'],
    lang: ['Language'],
    reach: ['Reach'],
    sentiment: ['Sentiment'],
    tags: ['Document Tags', 'Custom Categories'],
    // Engagement of social posts (X, Facebook, Instagram…): each column where the export has it.
    views: ['Views', 'Estimated Views', 'Impressions', 'Video Views'],
    likes: ['Likes', 'Reactions', 'Favorites'],
    comments: ['Comments', 'Replies'],
    reposts: ['Retweets', 'Shares', 'Reposts', 'Quotes']
  }
}

export const BRANDWATCH: PresetDef = {
  id: 'brandwatch',
  variant: null,
  // prettier-ignore
  signature: ['Date', 'Url', 'Title', 'Snippet', 'Full Text', 'Page Type', 'Author', 'Full Name', 'Domain', 'Sentiment', 'Reach', 'Twitter Followers', 'Query Name', 'Tags', 'Content Id', 'Resource Id', 'Account Type', 'Thread Author', 'Impact', 'Gender', 'Classifier'],
  minMatch: 5,
  anyOf: ['Page Type', 'Full Text', 'Query Name', 'Resource Id', 'Content Id'],
  fields: {
    externalId: ['Content Id', 'Resource Id'],
    publishedAt: ['Date'],
    url: ['Url'],
    title: ['Title'],
    text: ['Full Text', 'Snippet'],
    platform: ['Page Type'],
    sourceType: ['Page Type'],
    author: ['Author', 'Full Name'],
    outlet: ['Domain'],
    sentiment: ['Sentiment'],
    reach: ['Reach'],
    followers: ['Twitter Followers'],
    tags: ['Tags'],
    authorType: ['Account Type'],
    gender: ['Gender']
  }
}

export const TALKWALKER: PresetDef = {
  id: 'talkwalker',
  variant: null,
  // prettier-ignore
  signature: ['url', 'published', 'title', 'content', 'lang', 'source_type', 'post_type', 'sentiment', 'engagement', 'reach', 'cluster_id', 'word_count', 'indexed', 'domain_url', 'host_url', 'title_snippet', 'content_snippet', 'tags_internal', 'matched_profile', 'extra_author_attributes.name', 'extra_source_attributes.name'],
  minMatch: 5,
  anyOf: [
    'source_type',
    'extra_author_attributes.name',
    'extra_source_attributes.name',
    'cluster_id',
    'content_snippet',
    'host_url'
  ],
  fields: {
    externalId: ['url'],
    url: ['url'],
    publishedAt: ['published'],
    title: ['title', 'title_snippet'],
    text: ['content', 'content_snippet'],
    lang: ['lang'],
    platform: ['source_type'],
    sourceType: ['source_type'],
    kind: ['post_type'],
    sentiment: ['sentiment'],
    reach: ['reach'],
    author: ['extra_author_attributes.name', 'extra_author_attributes.short_name'],
    gender: ['extra_author_attributes.gender'],
    outlet: ['extra_source_attributes.name'],
    outletUrl: ['host_url', 'domain_url'],
    tags: ['tags_internal']
  },
  sentimentScale: 'signed'
}

/** The synthetic columns the Telegram reader produces (see source/telegram.ts). */
export const TELEGRAM: PresetDef = {
  id: 'telegram-json',
  variant: null,
  // prettier-ignore
  signature: ['chat', 'chat_type', 'chat_url', 'id', 'external_id', 'date_unixtime', 'from', 'from_id', 'text', 'reactions', 'url', 'kind'],
  minMatch: 12,
  fields: {
    externalId: ['external_id'],
    url: ['url'],
    publishedAt: ['date_unixtime'],
    author: ['from'],
    text: ['text'],
    outlet: ['chat'],
    outletUrl: ['chat_url'],
    likes: ['reactions'],
    kind: ['kind'],
    media: ['media']
  },
  platform: 'telegram'
}

/** A saved RSS / RDF / Atom file, read by the collection's feed parser into these synthetic columns. */
export const FEED: PresetDef = {
  id: 'feed',
  variant: null,
  // The columns openFeedFile (source/feed-source.ts) builds, in this order: its one list.
  signature: [
    'external_id',
    'published_at',
    'title',
    'text',
    'url',
    'author',
    'outlet',
    'outlet_url',
    'lang',
    'kind'
  ],
  minMatch: 10,
  fields: {
    externalId: ['external_id'],
    publishedAt: ['published_at'],
    title: ['title'],
    text: ['text'],
    url: ['url'],
    author: ['author'],
    outlet: ['outlet'],
    outletUrl: ['outlet_url'],
    lang: ['lang'],
    kind: ['kind']
  },
  platform: 'news'
}

// --- Research and scraper exports. Headers from the tools' public documentation (output fields of the
// Media Cloud story list, Apify's TikTok / Instagram / YouTube scrapers flattened to CSV as `a/b` paths,
// CrowdTangle's historical-data CSV, TGStat's API post fields and its Russian export, Popsters' export).
// No externalId: their ids are bare numbers that other tools reuse; the post's own URL is the key.

/** Media Cloud story list (v2 API CSV, and the current search tool's download). */
export const MEDIA_CLOUD: PresetDef = {
  id: 'media-cloud',
  variant: null,
  // prettier-ignore
  signature: ['stories_id', 'publish_date', 'title', 'url', 'language', 'ap_syndicated', 'themes', 'media_id', 'media_name', 'media_url', 'indexed_date', 'id'],
  minMatch: 5,
  anyOf: ['media_name', 'media_url', 'stories_id'],
  fields: {
    publishedAt: ['publish_date'],
    title: ['title'],
    url: ['url'],
    lang: ['language'],
    outlet: ['media_name'],
    outletUrl: ['media_url']
  },
  platform: 'news'
}

/** Apify TikTok scraper (clockworks), dataset exported as CSV. */
export const TIKTOK_SCRAPER: PresetDef = {
  id: 'tiktok-scraper',
  variant: null,
  // prettier-ignore
  signature: ['id', 'text', 'createTime', 'createTimeISO', 'webVideoUrl', 'diggCount', 'shareCount', 'playCount', 'commentCount', 'collectCount', 'authorMeta/name', 'authorMeta/nickName', 'authorMeta/fans', 'authorMeta/avatar', 'videoMeta/duration', 'videoMeta/coverUrl'],
  minMatch: 5,
  anyOf: ['webVideoUrl', 'diggCount', 'authorMeta/name'],
  fields: {
    publishedAt: ['createTimeISO', 'createTime'],
    text: ['text'],
    url: ['webVideoUrl'],
    author: ['authorMeta/name', 'authorMeta/nickName'],
    authorUrl: ['authorMeta/profileUrl'],
    followers: ['authorMeta/fans'],
    likes: ['diggCount'],
    views: ['playCount'],
    reposts: ['shareCount'],
    comments: ['commentCount'],
    media: ['videoMeta/coverUrl', 'videoMeta/downloadAddr', 'mediaUrls/0']
  },
  platform: 'tiktok'
}

/** Apify Instagram scraper, posts dataset as CSV. */
export const INSTAGRAM_SCRAPER: PresetDef = {
  id: 'instagram-scraper',
  variant: null,
  // prettier-ignore
  signature: ['id', 'type', 'shortCode', 'caption', 'url', 'commentsCount', 'displayUrl', 'likesCount', 'timestamp', 'ownerFullName', 'ownerUsername', 'ownerId', 'videoViewCount', 'videoPlayCount', 'inputUrl', 'hashtags/0'],
  minMatch: 5,
  anyOf: ['shortCode', 'ownerUsername', 'displayUrl'],
  fields: {
    publishedAt: ['timestamp'],
    text: ['caption'],
    url: ['url'],
    author: ['ownerUsername', 'ownerFullName'],
    likes: ['likesCount'],
    comments: ['commentsCount'],
    views: ['videoViewCount', 'videoPlayCount'],
    media: ['displayUrl', 'videoUrl', 'images/0']
  },
  platform: 'instagram'
}

/** Apify YouTube scraper (streamers), videos dataset as CSV. */
export const YOUTUBE_SCRAPER: PresetDef = {
  id: 'youtube-scraper',
  variant: null,
  // prettier-ignore
  signature: ['title', 'id', 'url', 'thumbnailUrl', 'viewCount', 'date', 'likes', 'channelName', 'channelUrl', 'channelId', 'numberOfSubscribers', 'duration', 'commentsCount', 'text'],
  minMatch: 5,
  anyOf: ['channelName', 'thumbnailUrl', 'numberOfSubscribers'],
  fields: {
    publishedAt: ['date', 'uploadDate'],
    title: ['title'],
    text: ['text', 'description'],
    url: ['url'],
    author: ['channelName'],
    authorUrl: ['channelUrl'],
    outlet: ['channelName'],
    outletUrl: ['channelUrl'],
    followers: ['numberOfSubscribers'],
    views: ['viewCount'],
    likes: ['likes'],
    comments: ['commentsCount'],
    media: ['thumbnailUrl']
  },
  platform: 'youtube'
}

/** CrowdTangle historical data (Facebook pages and groups, Instagram accounts): the research archive CSV. */
export const CROWDTANGLE: PresetDef = {
  id: 'crowdtangle',
  variant: null,
  // prettier-ignore
  signature: ['Page Name', 'User Name', 'Facebook Id', 'Page Category', 'Page Admin Top Country', 'Post Created', 'Post Created Date', 'Post Created Time', 'Type', 'Total Interactions', 'Likes', 'Comments', 'Shares', 'Love', 'Wow', 'Haha', 'Sad', 'Angry', 'Care', 'Post Views', 'Total Views', 'URL', 'Message', 'Link', 'Final Link', 'Image Text', 'Link Text', 'Description', 'Followers at Posting'],
  minMatch: 6,
  anyOf: ['Post Created', 'Total Interactions', 'Facebook Id'],
  fields: {
    publishedAt: ['Post Created'],
    date: ['Post Created Date'],
    time: ['Post Created Time'],
    text: ['Message', 'Description', 'Image Text', 'Link Text'],
    title: ['Link Text'],
    url: ['URL'],
    author: ['User Name', 'Page Name'],
    outlet: ['Page Name'],
    followers: ['Followers at Posting', 'Likes at Posting'],
    likes: ['Likes', 'Total Interactions'],
    comments: ['Comments'],
    reposts: ['Shares'],
    views: ['Post Views', 'Total Views'],
    kind: ['Type']
  }
}

/** TGStat: post search export (Russian headers) and its API's post fields. */
export const TGSTAT: PresetDef = {
  id: 'tgstat',
  variant: null,
  // prettier-ignore
  signature: ['Дата', 'Канал', 'Ссылка на канал', 'Ссылка на пост', 'Текст', 'Просмотры', 'Репосты', 'Реакции', 'Комментарии', 'date', 'views', 'link', 'channel_id', 'forwarded_from', 'text', 'media'],
  minMatch: 4,
  anyOf: ['Ссылка на пост', 'channel_id', 'forwarded_from'],
  fields: {
    publishedAt: ['Дата', 'Дата публикации', 'date'],
    text: ['Текст', 'text'],
    url: ['Ссылка на пост', 'link'],
    author: ['Канал', 'channel_title'],
    outlet: ['Канал', 'channel_title'],
    outletUrl: ['Ссылка на канал'],
    views: ['Просмотры', 'views'],
    reposts: ['Репосты', 'Пересылки', 'forwards'],
    likes: ['Реакции', 'reactions'],
    comments: ['Комментарии', 'comments'],
    media: ['Медиа', 'media']
  },
  platform: 'telegram'
}

/** Popsters: a page's posts with engagement (VK, Instagram, Telegram, OK…), Russian headers. */
export const POPSTERS: PresetDef = {
  id: 'popsters',
  variant: null,
  // prettier-ignore
  signature: ['Дата', 'Текст', 'Ссылка', 'Лайки', 'Репосты', 'Комментарии', 'Просмотры', 'ER', 'ERview', 'Тип', 'Сообщество', 'Вложения', 'Длина текста'],
  minMatch: 5,
  anyOf: ['ER', 'ERview', 'ER post', 'Длина текста'],
  fields: {
    publishedAt: ['Дата', 'Дата публикации'],
    text: ['Текст'],
    url: ['Ссылка', 'Ссылка на пост'],
    author: ['Сообщество', 'Страница', 'Аккаунт'],
    outlet: ['Сообщество', 'Страница', 'Аккаунт'],
    likes: ['Лайки'],
    reposts: ['Репосты'],
    comments: ['Комментарии'],
    views: ['Просмотры'],
    media: ['Вложения', 'Медиа']
  }
}
