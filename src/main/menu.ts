import type { UiLang } from '../shared/types'
import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

type Lang = UiLang
const LABELS: Record<Lang, Record<string, string>> = {
  ru: {
    file: 'Файл',
    quit: 'Выход',
    edit: 'Правка',
    view: 'Вид',
    reload: 'Обновить',
    zoomIn: 'Крупнее',
    zoomOut: 'Мельче',
    zoomReset: 'Обычный размер',
    fullscreen: 'Во весь экран',
    help: 'Справка',
    about: 'О программе',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    dataFolder: 'Открыть папку данных'
  },
  kk: {
    file: 'Файл',
    quit: 'Шығу',
    edit: 'Түзету',
    view: 'Көрініс',
    reload: 'Жаңарту',
    zoomIn: 'Үлкейту',
    zoomOut: 'Кішірейту',
    zoomReset: 'Қалыпты өлшем',
    fullscreen: 'Толық экран',
    help: 'Анықтама',
    about: 'Бағдарлама туралы',
    undo: 'Болдырмау',
    redo: 'Қайталау',
    cut: 'Қиып алу',
    copy: 'Көшіру',
    paste: 'Қою',
    selectAll: 'Барлығын белгілеу',
    dataFolder: 'Деректер қалтасын ашу'
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    reload: 'Reload',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size',
    fullscreen: 'Full screen',
    help: 'Help',
    about: 'About Otklik',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    dataFolder: 'Open data folder'
  }
}

/** The application menu in the interface language. */
export function buildMenu(lang: Lang, opts: { dataDir: string; onAbout: (w?: BrowserWindow) => void }): Menu {
  const l = LABELS[lang]
  const template: MenuItemConstructorOptions[] = [
    {
      label: l.file,
      submenu: [
        { label: l.dataFolder, click: () => void shell.openPath(opts.dataDir) },
        { type: 'separator' },
        { role: 'quit', label: l.quit }
      ]
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll }
      ]
    },
    {
      label: l.view,
      submenu: [
        { role: 'reload', label: l.reload },
        { type: 'separator' },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { role: 'resetZoom', label: l.zoomReset },
        { role: 'togglefullscreen', label: l.fullscreen }
      ]
    },
    {
      label: l.help,
      submenu: [{ label: l.about, click: (_i, w) => opts.onAbout(w as BrowserWindow | undefined) }]
    }
  ]
  return Menu.buildFromTemplate(template)
}
