import type { TestDoc } from './fts-db'

/** Thirty Russian and Kazakh mentions, shaped like what the press office sees. */
export const DOCS: TestDoc[] = [
  {
    id: 1,
    title: 'Акимат Алматы отчитался о ремонте дорог',
    text: 'Городской акимат сообщил, что ремонт дорог на Абая завершат к осени.',
    url: 'https://tengrinews.kz/news/1',
    author: 'Tengrinews'
  },
  {
    id: 2,
    title: 'Жители жалуются на акимата бездействие',
    text: 'Люди пишут, что от акиматом обещанного ремонта двора так и не дождались.',
    url: 'https://www.instagram.com/p/abc',
    author: 'Иван Петров'
  },
  {
    id: 3,
    title: null,
    text: 'Аким города встретился с жителями микрорайона Шанырак.',
    url: 'https://t.me/almaty_news/55',
    author: 'Алматы Новости'
  },
  {
    id: 4,
    title: 'Власти города Алматы ответили',
    text: 'Власти города Алматы объяснили, почему закрыли парк.',
    url: 'https://m.vk.com/wall-1_2',
    author: 'Петрова Анна'
  },
  {
    id: 5,
    title: 'Новости',
    text: 'В город Алматы приехали туристы, местные власти довольны.',
    url: 'https://news.mail.ru/x',
    author: 'Иван Петров'
  },
  {
    id: 6,
    title: 'Город Алматы',
    text: 'Город Алматы украсили к празднику. Спустя неделю власти убрали ёлки.',
    url: 'https://tengrinews.kz/a',
    author: null
  },
  {
    id: 7,
    title: 'Әкімдік жол жөндеуді бастады',
    text: 'Алматы әкімдігі Абай даңғылындағы жолдарды жөндеуді бастады.',
    url: 'https://kaz.tengrinews.kz/b',
    author: 'Тенгри Қазақша'
  },
  {
    id: 8,
    title: null,
    text: 'Ыстық су жоқ, үш күн болды. Әкімдікке хабарластық.',
    url: 'https://www.facebook.com/x',
    author: 'Айгүл Серікова'
  },
  {
    id: 9,
    title: 'Автобус 92 не ходит',
    text: 'Автобус 92 не ходит с утра, люди ждут на остановке больше часа.',
    url: 'https://vk.com/wall1',
    author: 'Иван Петров'
  },
  {
    id: 10,
    title: 'Ёлка на площади',
    text: 'На площади Республики поставили новогоднюю елку.',
    url: 'https://almaty.tv/elka',
    author: 'Almaty TV'
  },
  {
    id: 11,
    title: 'Пробки на Аль-Фараби',
    text: 'Из-за ремонта на Аль-Фараби образовались пробки.',
    url: 'https://nur.kz/1',
    author: 'NUR.KZ'
  },
  {
    id: 12,
    title: 'Smog in Almaty',
    text: 'Air quality AND smog are bad again, says the akimat.',
    url: 'https://informburo.kz/en',
    author: 'Informburo'
  },
  {
    id: 13,
    title: 'Тарифы на тепло',
    text: 'Акиматы областей согласовали новые тарифы на тепло.',
    url: 'https://kapital.kz/t',
    author: 'Капитал'
  },
  {
    id: 14,
    title: null,
    text: 'Жолдардағы шұңқырлар әлі жөнделмеді, әкімдік уәде берген еді.',
    url: 'https://instagram.com/p/q',
    author: 'Ерлан'
  },
  {
    id: 15,
    title: 'Коррупция в акимате',
    text: 'Задержан заместитель акима района по подозрению во взятке.',
    url: 'https://tengrinews.kz/c',
    author: 'Tengrinews'
  },
  {
    id: 16,
    title: 'Власть и город',
    text: 'Власть обещает, город ждёт. Алматы терпит.',
    url: 'https://blog.example.kz/p',
    author: 'Блогер'
  },
  {
    id: 17,
    title: 'Город',
    text: 'Город Алматы — крупнейший и самый зелёный город нашей страны, и власти говорят об этом часто, очень часто, всегда и везде.',
    url: 'https://example.org/g',
    author: 'Анна Иванова'
  },
  {
    id: 18,
    title: 'Нур-Султан и Алматы',
    text: 'Между Нур-Султаном и Алматы запустили новый поезд.',
    url: 'https://nur.kz/2',
    author: 'NUR.KZ'
  },
  {
    id: 19,
    title: 'Акиматовский отчёт',
    text: 'Акиматовский отчёт опубликовали на сайте.',
    url: 'https://tengrinews.kz/d',
    author: null
  },
  {
    id: 20,
    title: 'Газ',
    text: 'В Наурызбайском районе нет газа второй день.',
    url: 'https://t.me/gas/1',
    author: 'Жители Наурызбая'
  },
  {
    id: 21,
    title: 'Жарық жоқ',
    text: 'Түнде жарық өшіп қалды, электр жүйесінде апат болды.',
    url: 'https://kaz.nur.kz/e',
    author: 'Нұр Қазақша'
  },
  {
    id: 22,
    title: 'Ремонт',
    text: 'Ремонт, ремонт и снова ремонт: дороги перекопаны.',
    url: 'https://vk.com/wall2',
    author: 'Иван Петров-Водкин'
  },
  {
    id: 23,
    title: 'Смотрите "видео"',
    text: 'Жители сняли "видео" о яме; цитата: "акимат молчит".',
    url: 'https://youtube.com/watch?v=1',
    author: 'Канал "Город"'
  },
  {
    id: 24,
    title: 'Мэрия',
    text: 'Мэрия не отвечает на запросы журналистов о парках.',
    url: 'https://www.tengrinews.kz/e',
    author: 'Tengrinews'
  },
  { id: 25, title: null, text: 'акимат акимат акимат', url: null, author: null },
  {
    id: 26,
    title: 'Парк Горького',
    text: 'В парке Горького высадили деревья; власти города хвалят жителей.',
    url: 'https://almaty.tv/park',
    author: 'Almaty TV'
  },
  {
    id: 27,
    title: 'Алматы қаласы',
    text: 'Алматы қаласының әкімі жаңа саябақ ашты.',
    url: 'https://kaz.tengrinews.kz/f',
    author: 'Тенгри Қазақша'
  },
  {
    id: 28,
    title: 'Отзыв',
    text: 'Спасибо акиму за новые автобусы!',
    url: 'https://2gis.kz/review',
    author: 'Алия'
  },
  {
    id: 29,
    title: 'Смешанный',
    text: 'Городские власти Алматы, по словам горожан, не слышат.',
    url: 'https://tengrinews.kzz/fake',
    author: 'Гость'
  },
  { id: 30, title: 'Пустой', text: '', url: 'https://example.kz/empty', author: 'Пустой_автор%' },
  {
    id: 31,
    title: 'Третий день без горячей воды',
    text: 'Жители Сатпаева снова без горячей воды; вода холодная уже неделю.',
    url: 'https://t.me/satpaeva/1',
    author: 'Гость'
  },
  {
    id: 32,
    title: 'Көшелердегі шұңқырлар',
    text: 'Шұңқырларды әкімдіктің өкілдері көрді, қаладағы жолдар жөнделеді. Әкімдіктердің уәдесі бар.',
    url: 'https://kaz.nur.kz/1',
    author: 'Қала тұрғыны'
  }
]
