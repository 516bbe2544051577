// Run by scripts/package-check.mjs in a child Node process, inside an app.asar extracted to a temp
// folder: loads every module the main process requires from the package alone (nothing resolves from
// the checkout's node_modules there) and uses the ones that do real work, so a file cut too many by
// electron-builder.yml's `files` patterns fails here. Prints {name: {ok, detail}} as JSON.
//   node build/exercise-modules.cjs APP_DIR RESOURCES_DIR '["better-sqlite3", …]'
'use strict'
const { createRequire } = require('node:module')
const path = require('node:path')

const [root, resourcesDir, namesJson] = process.argv.slice(2)
const req = createRequire(path.join(root, 'out', 'main', 'index.js'))

const uses = {
  'better-sqlite3': () => {
    const Database = req('better-sqlite3')
    const db = new Database(':memory:')
    const version = db.prepare('select sqlite_version() as v').get().v
    db.close()
    return `SQLite ${version}`
  },
  pdfkit: () =>
    new Promise((resolve, reject) => {
      const PDFDocument = req('pdfkit')
      const doc = new PDFDocument()
      const chunks = []
      doc.on('data', (c) => chunks.push(c))
      doc.on('end', () => resolve(`${Buffer.concat(chunks).length} bytes of PDF`))
      doc.on('error', reject)
      doc.font(path.join(resourcesDir, 'fonts', 'PTSans-Regular.ttf')).text('Отклик: әғқңөұүһі')
      doc.end()
    }),
  docx: async () => {
    const { Document, Packer, Paragraph } = req('docx')
    const doc = new Document({ sections: [{ children: [new Paragraph('Отклик')] }] })
    return `${(await Packer.toBuffer(doc)).length} bytes of DOCX`
  },
  exceljs: async () => {
    const ExcelJS = req('exceljs')
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('a').addRow(['Отклик'])
    return `${(await wb.xlsx.writeBuffer()).byteLength} bytes of XLSX`
  },
  echarts: () => {
    const echarts = req('echarts')
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 200, height: 100 })
    chart.setOption({
      animation: false,
      xAxis: { data: ['a'] },
      yAxis: {},
      series: [{ type: 'bar', data: [1] }]
    })
    const svg = chart.renderToSVGString()
    chart.dispose()
    return `${svg.length} characters of SVG`
  },
  '@resvg/resvg-js': () => {
    const { Resvg } = req('@resvg/resvg-js')
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    return `${new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng().length} bytes of PNG`
  },
  zod: () => {
    const { z } = req('zod')
    return z.object({ a: z.string() }).parse({ a: 'x' }).a === 'x' ? 'parses' : 'parses wrongly'
  }
}

async function main() {
  const out = {}
  for (const name of JSON.parse(namesJson)) {
    try {
      req(name)
      out[name] = { ok: true, detail: uses[name] ? await uses[name]() : 'loads' }
    } catch (e) {
      out[name] = { ok: false, detail: String((e && e.message) || e).split('\n')[0] }
    }
  }
  process.stdout.write(JSON.stringify(out))
}

void main()
