/// <reference types="vite/client" />
import type { OtklikBridge } from '../../shared/api'

declare global {
  interface Window {
    otklik?: OtklikBridge
  }
}
export {}
