import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles.css'
import { paletteCss } from '../../shared/palette'

// The one palette (src/shared/palette.ts) as CSS variables, before the first paint.
const palette = document.createElement('style')
palette.textContent = paletteCss()
document.head.appendChild(palette)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
