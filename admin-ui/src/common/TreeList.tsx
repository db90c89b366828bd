import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Collapse, IconButton, List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** What a tree needs of its nodes. */
export interface TreeListNode<Node> {
  id: string;
  children: Node[];
}

export interface TreeListProps<Node extends TreeListNode<Node>> {
  nodes: Node[];
  /** The main text of a node. */
  label: (node: Node) => ReactNode;
  /** Shown after the label (type, code, colour…). */
  detail?: (node: Node) => ReactNode;
  /** Clicking a node's label. */
  onSelect?: (node: Node) => void;
  /** How many levels start unfolded. */
  openLevels?: number;
}

/** A tree as nested lists, each level foldable; built from an API's `/tree` answer. */
export function TreeList<Node extends TreeListNode<Node>>({ nodes, openLevels = 1, ...props }: TreeListProps<Node>) {
  return (
    <List dense disablePadding role="tree">
      {nodes.map((node) => (
        <TreeListItem key={node.id} node={node} depth={0} openLevels={openLevels} {...props} />
      ))}
    </List>
  );
}

function TreeListItem<Node extends TreeListNode<Node>>({
  node,
  depth,
  openLevels,
  label,
  detail,
  onSelect,
}: Omit<TreeListProps<Node>, 'nodes'> & { node: Node; depth: number; openLevels: number }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(depth < openLevels);
  const hasChildren = node.children.length > 0;
  return (
    <>
      <ListItem
        disablePadding
        role="treeitem"
        aria-expanded={hasChildren ? open : undefined}
        sx={{ pl: depth * 3 }}
        secondaryAction={
          detail ? <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>{detail(node)}</Box> : undefined
        }
      >
        <IconButton
          size="small"
          onClick={() => setOpen(!open)}
          disabled={!hasChildren}
          aria-label={translate(open ? 'app.tree.fold' : 'app.tree.unfold')}
          sx={{ visibility: hasChildren ? 'visible' : 'hidden' }}
        >
          {open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />}
        </IconButton>
        <ListItemButton onClick={onSelect ? () => onSelect(node) : undefined} disabled={!onSelect} sx={{ py: 0.25 }}>
          <ListItemText primary={label(node)} />
        </ListItemButton>
      </ListItem>
      {hasChildren ? (
        <Collapse in={open} unmountOnExit>
          <List dense disablePadding role="group">
            {node.children.map((child) => (
              <TreeListItem
                key={child.id}
                node={child}
                depth={depth + 1}
                openLevels={openLevels}
                label={label}
                detail={detail}
                onSelect={onSelect}
              />
            ))}
          </List>
        </Collapse>
      ) : null}
    </>
  );
}
