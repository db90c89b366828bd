import { DomainError } from '@convergences/contracts';

/**
 * A theme never sits under itself or one of its own sub-themes: `parentLineage` is the would-be
 * parent and its ancestors, up to the root.
 */
export function assertMayPlaceTheme(themeId: string, parentLineage: readonly string[]): void {
  if (parentLineage.includes(themeId)) {
    throw new DomainError('conflict', 'A theme cannot sit under itself or one of its own sub-themes.', {
      field: 'parentId',
      parentId: parentLineage[0],
    });
  }
}
