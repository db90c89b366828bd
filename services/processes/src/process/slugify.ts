/** A URL slug from a title: lowercase ASCII, accents dropped, words joined by hyphens. */
export function slugify(title: string, maxLength = 60): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug.length >= 3 ? slug : `process-${slug}`.replace(/-$/, '');
}
