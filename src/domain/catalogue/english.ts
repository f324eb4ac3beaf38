// English number agreement for messages and displayed values: "1 session", "2 sessions".

/**
 * An English plural noun for one of it: sessions → session, copies → copy, classes → class. Units
 * are entered in the plural (they are read with amounts like 4); anything that does not look like a
 * regular plural word (`GB`, `%`, `min`, `news`) is kept as it is.
 */
export function singularOf(plural: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(plural)
  if (!match) return plural
  const [, head = '', word = ''] = match
  const lower = word.toLowerCase()
  if (word.length < 3 || !lower.endsWith('s') || /(ss|us|is|news|series)$/.test(lower)) {
    return plural
  }
  if (/[^aeiou]ies$/.test(lower)) return `${head}${word.slice(0, -3)}y`
  if (/(sses|shes|ches|xes|zes)$/.test(lower)) return `${head}${word.slice(0, -2)}`
  return `${head}${word.slice(0, -1)}`
}

/** `1 tier`, `2 tiers`: an English count with its noun in the right number. */
export const countOf = (count: number, singular: string, plural = `${singular}s`): string =>
  `${count} ${count === 1 ? singular : plural}`
