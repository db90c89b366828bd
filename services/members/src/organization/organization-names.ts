/** Lowercase, without accents or ligatures: how names are compared when searching. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** A URL slug from an organisation's name: lowercase ASCII, words joined by hyphens. */
export function slugify(name: string, maxLength = 60): string {
  const slug = foldName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug.length >= 3 ? slug : `organisation-${slug}`.replace(/-$/, '');
}
