/** Whether a text file's beginning is XML or HTML markup (a saved feed, or a web page). */
export function looksLikeMarkup(head: string): boolean {
  return /^\s*(<\?xml\b|<rss\b|<feed\b|<rdf:RDF\b|<[\w-]+:RDF\b|<!doctype\s+html|<html\b|<!--)/i.test(head)
}
