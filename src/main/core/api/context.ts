import type { Api, Channel, Input, Output } from '../../../shared/api'
import type { Workspace } from '../workspace'

/** What the hosting process can do beyond the core: native dialogs, opening files and links. */
export interface HostPlatform {
  kind: 'electron' | 'browser'
  /** A native "open files" dialog; absent in the browser test host. */
  pickFiles?: () => Promise<string[]>
  /** Opens a file (or its folder) with the system; absent in the browser test host. */
  openPath?: (path: string, folder: boolean) => Promise<boolean>
  /** The browser test host: where a report file is downloaded from (its route serves only history files). */
  downloadUrl?: (path: string) => string
  /** Opens an http(s) link in the system browser, after the URL check. */
  openExternal?: (url: string) => Promise<boolean>
  /** Where digests are written by default (Documents/Otklik). */
  defaultReportsDir: () => string
  /** Where uploaded files (browser host) are kept for import. */
  uploadsDir: () => string
}

export interface HandlerContext {
  ws: Workspace
  host: HostPlatform
}

/** The implementation type of a subset of channels: input already validated by its schema. */
export type Impl<K extends Channel> = {
  [C in K]: (
    input: Exclude<Input<C>, undefined> & Api[C]['input']['_output']
  ) => Output<C> | Promise<Output<C>>
}
