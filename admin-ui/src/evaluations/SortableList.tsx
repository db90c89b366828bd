import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Box, IconButton, Tooltip } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useTranslate } from 'react-admin';

export interface SortableListProps<Item extends { id: string }> {
  items: Item[];
  /** Whether items may be dragged (drafts only). */
  enabled: boolean;
  /** How an item is named to assistive technology (its title). */
  nameOf: (item: Item) => string;
  /** Sends the new order (every id, first to last); a rejection puts the items back. */
  onReorder: (order: string[]) => Promise<unknown>;
  /** An item, given its drag handle to place. */
  children: (item: Item, handle: ReactNode) => ReactNode;
}

/**
 * Siblings of a framework's tree that are dragged to their place (by a handle, or with the
 * keyboard: space, arrows, space). The new order shows at once and is sent whole to the API;
 * it stays until the refetched tree replaces it, or goes back if the API refuses it.
 */
export function SortableList<Item extends { id: string }>({
  items,
  enabled,
  nameOf,
  onReorder,
  children,
}: SortableListProps<Item>) {
  const translate = useTranslate();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const key = items.map((item) => item.id).join();
  const [pending, setPending] = useState<{ key: string; order: string[] } | null>(null);
  // A moved order lasts until the items change (the refetch after the reorder).
  const order = pending && pending.key === key ? pending.order : items.map((item) => item.id);
  const byId = new Map(items.map((item) => [item.id, item]));
  const shown = order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id)));
    setPending({ key, order: next });
    onReorder(next).catch(() => setPending(null));
  };

  const nameOfId = (id: string | number) => {
    const item = byId.get(String(id));
    return item ? nameOf(item) : String(id);
  };
  const position = (id: string | number) => order.indexOf(String(id)) + 1;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: translate('app.evaluation.framework.dragInstructions') },
        announcements: {
          onDragStart: ({ active }) => translate('app.evaluation.framework.dragStart', { name: nameOfId(active.id) }),
          onDragOver: ({ active, over }) =>
            over
              ? translate('app.evaluation.framework.dragOver', {
                  name: nameOfId(active.id),
                  position: position(over.id),
                })
              : undefined,
          onDragEnd: ({ active, over }) =>
            over
              ? translate('app.evaluation.framework.dragEnd', {
                  name: nameOfId(active.id),
                  position: position(over.id),
                })
              : undefined,
          onDragCancel: ({ active }) => translate('app.evaluation.framework.dragCancel', { name: nameOfId(active.id) }),
        },
      }}
    >
      <SortableContext items={order} strategy={verticalListSortingStrategy} disabled={!enabled}>
        {shown.map((item) => (
          <SortableItem key={item.id} id={item.id} name={nameOf(item)} enabled={enabled}>
            {(handle) => children(item, handle)}
          </SortableItem>
        ))}
      </SortableContext>
    </DndContext>
  );
}

function SortableItem({
  id,
  name,
  enabled,
  children,
}: {
  id: string;
  name: string;
  enabled: boolean;
  children: (handle: ReactNode) => ReactNode;
}) {
  const translate = useTranslate();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled: !enabled,
  });
  const label = translate('app.evaluation.framework.move', { name });
  const handle = enabled ? (
    <Tooltip title={label}>
      <IconButton
        ref={setActivatorNodeRef}
        size="small"
        {...attributes}
        {...listeners}
        aria-label={label}
        data-testid="drag-handle"
        sx={{ cursor: 'grab', touchAction: 'none' }}
      >
        <DragIndicatorIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  ) : null;
  return (
    <Box
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      sx={{ position: 'relative', zIndex: isDragging ? 2 : undefined, opacity: isDragging ? 0.85 : 1 }}
    >
      {children(handle)}
    </Box>
  );
}
