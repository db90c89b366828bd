import type { Criterion, Dimension, Framework, FrameworkGap, Indicator } from '@convergences/contracts';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Chip, IconButton, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Button, Confirm, LinkBase, SelectInput, useTranslate } from 'react-admin';
import { useTranslatedText } from '../common';
import { frameworkApi } from './frameworkApi';
import {
  type CriterionValues,
  criterionValues,
  type DimensionValues,
  dimensionValues,
  type IndicatorValues,
  indicatorValues,
  toCriterionBody,
  toDimensionBody,
  toIndicatorBody,
} from './frameworkFormValues';
import { CriterionInputs, IndicatorInputs, TitleDescriptionInputs } from './FrameworkItemInputs';
import { ItemDialog } from './ItemDialog';
import { SortableList } from './SortableList';
import { useFrameworkMutation } from './useFrameworkMutation';

/** Which form is open: a new item under its parent, or an existing one. */
type Editing =
  | { what: 'dimension'; dimension?: Dimension }
  | { what: 'criterion'; dimensionId: string; criterion?: Criterion }
  | { what: 'indicator'; criterionId: string; indicator?: Indicator };

type Deleting = { what: 'dimension' | 'criterion' | 'indicator'; id: string; name: string };

/** What adoption found missing, by the deepest item each gap names. */
function gapsByItem(gaps: FrameworkGap[] | undefined): Map<string, string[]> {
  const byItem = new Map<string, string[]>();
  for (const gap of gaps ?? []) {
    const at = gap.indicatorId ?? gap.criterionId ?? gap.dimensionId;
    if (!at) continue;
    byItem.set(at, [...(byItem.get(at) ?? []), gap.message]);
  }
  return byItem;
}

const GapAlert = ({ messages }: { messages: string[] | undefined }) =>
  messages?.length ? (
    <Alert severity="warning" data-testid="framework-gap" sx={{ mt: 1, py: 0 }}>
      {messages.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </Alert>
  ) : null;

/** An item's edit and delete buttons, named after it. */
const ItemActions = ({
  name,
  onEdit,
  onDelete,
  children,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5, ml: 'auto', flexShrink: 0 }}>
      {children}
      <Tooltip title={translate('app.evaluation.framework.editItem', { name })}>
        <IconButton size="small" onClick={onEdit} aria-label={translate('app.evaluation.framework.editItem', { name })}>
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title={translate('app.evaluation.framework.deleteItem', { name })}>
        <IconButton
          size="small"
          onClick={onDelete}
          aria-label={translate('app.evaluation.framework.deleteItem', { name })}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
};

/** What an indicator's kind adds: the unit, direction and target of a quantity; the levels of a scale. */
const IndicatorDetails = ({ indicator }: { indicator: Indicator }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  if (indicator.kind === 'quantitative') {
    const parts = [
      indicator.unit ? translate('app.evaluation.framework.unitIs', { unit: pick(indicator.unit) }) : null,
      translate(
        indicator.higherIsBetter === false
          ? 'app.evaluation.framework.lowerBetter'
          : 'app.evaluation.framework.higherBetter',
      ),
      indicator.target !== null ? translate('app.evaluation.framework.targetIs', { target: indicator.target }) : null,
    ].filter(Boolean);
    return (
      <Typography variant="caption" color="text.secondary">
        {parts.join(' · ')}
      </Typography>
    );
  }
  if (indicator.kind === 'level_scale') {
    if (indicator.levels.length === 0) {
      return (
        <Typography variant="caption" color="text.secondary">
          {translate('app.evaluation.framework.noLevels')}
        </Typography>
      );
    }
    return (
      <Box component="ol" sx={{ m: 0, pl: 3 }} aria-label={translate('resources.frameworks.fields.levels')}>
        {indicator.levels.map((level) => (
          <Typography component="li" variant="caption" key={level.value} sx={{ display: 'list-item' }}>
            <strong>
              {level.value} — {pick(level.label)}
            </strong>
            {level.descriptor
              ? ` : ${pick(level.descriptor)}`
              : ` (${translate('app.evaluation.framework.noDescriptor')})`}
          </Typography>
        ))}
      </Box>
    );
  }
  return null;
};

export interface FrameworkTreeProps {
  framework: Framework;
  /** What the last refused adoption found missing, shown by the items concerned. */
  gaps?: FrameworkGap[];
}

/**
 * A version's tree: dimensions, their criteria, their indicators, each in its order. On a draft,
 * every item is created, edited, deleted and dragged to its place here; an adopted version reads
 * only. Items are `treeitem`s named by their title, with `data-testid="framework-<level>"`.
 */
export const FrameworkTree = ({ framework, gaps }: FrameworkTreeProps) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const editable = framework.status === 'draft';
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const gapsAt = gapsByItem(gaps);
  const frameworkId = framework.id;

  const saveDimension = useFrameworkMutation(
    ({ id, values }: { id?: string; values: DimensionValues }) =>
      id
        ? frameworkApi.updateDimension(frameworkId, id, toDimensionBody(values))
        : frameworkApi.createDimension(frameworkId, toDimensionBody(values)),
    'app.evaluation.framework.savedNotice',
  );
  const saveCriterion = useFrameworkMutation(
    ({
      id,
      dimensionId,
      values,
    }: {
      id?: string;
      dimensionId: string;
      values: CriterionValues & { dimensionId?: string };
    }) =>
      id
        ? frameworkApi.updateCriterion(frameworkId, id, {
            ...toCriterionBody(values),
            ...(values.dimensionId && values.dimensionId !== dimensionId ? { dimensionId: values.dimensionId } : {}),
          })
        : frameworkApi.createCriterion(frameworkId, { ...toCriterionBody(values), dimensionId }),
    'app.evaluation.framework.savedNotice',
  );
  const saveIndicator = useFrameworkMutation(
    ({ id, criterionId, values }: { id?: string; criterionId: string; values: IndicatorValues }) =>
      id
        ? frameworkApi.updateIndicator(frameworkId, id, toIndicatorBody(values))
        : frameworkApi.createIndicator(frameworkId, { ...toIndicatorBody(values), criterionId }),
    'app.evaluation.framework.savedNotice',
  );
  const remove = useFrameworkMutation(({ what, id }: Deleting) => {
    if (what === 'dimension') return frameworkApi.deleteDimension(frameworkId, id);
    if (what === 'criterion') return frameworkApi.deleteCriterion(frameworkId, id);
    return frameworkApi.deleteIndicator(frameworkId, id);
  }, 'app.evaluation.framework.deletedNotice');
  const reorder = useFrameworkMutation(
    (call: () => Promise<Framework>) => call(),
    'app.evaluation.framework.reorderedNotice',
  );

  const dimensionChoices = framework.dimensions.map((dimension) => ({
    id: dimension.id,
    name: `${dimension.position}. ${pick(dimension.title)}`,
  }));

  const indicatorItem = (criterion: Criterion) => (indicator: Indicator, handle: ReactNode) => {
    const name = pick(indicator.title);
    return (
      <Box
        role="treeitem"
        aria-level={3}
        aria-label={name}
        data-testid="framework-indicator"
        data-id={indicator.id}
        sx={{ py: 0.5, borderTop: 1, borderColor: 'divider' }}
      >
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          {handle}
          <Typography variant="body2">
            {criterion.position}.{indicator.position} {name}
          </Typography>
          <Chip size="small" variant="outlined" label={translate(`app.evaluation.kind.${indicator.kind}`)} />
          {editable ? (
            <ItemActions
              name={name}
              onEdit={() => setEditing({ what: 'indicator', criterionId: criterion.id, indicator })}
              onDelete={() => setDeleting({ what: 'indicator', id: indicator.id, name })}
            />
          ) : null}
        </Stack>
        <Box sx={{ pl: editable ? 5 : 0 }}>
          <IndicatorDetails indicator={indicator} />
        </Box>
        <GapAlert messages={gapsAt.get(indicator.id)} />
      </Box>
    );
  };

  const criterionItem = (dimension: Dimension) => (criterion: Criterion, handle: ReactNode) => {
    const name = pick(criterion.title);
    return (
      <Paper
        variant="outlined"
        role="treeitem"
        aria-level={2}
        aria-label={name}
        data-testid="framework-criterion"
        data-id={criterion.id}
        sx={{ p: 1, mt: 1 }}
      >
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          {handle}
          <Typography variant="subtitle2" component="h4">
            {dimension.position}.{criterion.position} {name}
          </Typography>
          {criterion.narrativeRequired ? (
            <Chip size="small" color="info" label={translate('app.evaluation.framework.narrativeRequiredChip')} />
          ) : null}
          {criterion.evidenceAllowed ? (
            <Chip size="small" variant="outlined" label={translate('app.evaluation.framework.evidenceAllowedChip')} />
          ) : null}
          {criterion.origin ? (
            <Chip
              size="small"
              variant="outlined"
              component={LinkBase}
              to={`/proposals/${criterion.origin.proposalId}/show`}
              clickable
              label={translate('app.evaluation.framework.fromProposal', {
                reference: criterion.origin.reference ?? criterion.origin.proposalId,
              })}
            />
          ) : null}
          {editable ? (
            <ItemActions
              name={name}
              onEdit={() => setEditing({ what: 'criterion', dimensionId: dimension.id, criterion })}
              onDelete={() => setDeleting({ what: 'criterion', id: criterion.id, name })}
            />
          ) : null}
        </Stack>
        {criterion.description ? (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
            {pick(criterion.description)}
          </Typography>
        ) : null}
        <GapAlert messages={gapsAt.get(criterion.id)} />
        <Box role="group" aria-label={translate('app.evaluation.framework.indicatorsOf', { name })} sx={{ mt: 1 }}>
          {criterion.indicators.length === 0 ? (
            <Typography variant="caption" color="text.secondary">
              {translate('app.evaluation.framework.noIndicators')}
            </Typography>
          ) : null}
          <SortableList
            items={criterion.indicators}
            enabled={editable}
            nameOf={(indicator) => pick(indicator.title)}
            onReorder={(order) =>
              reorder.mutateAsync(() => frameworkApi.reorderIndicators(frameworkId, criterion.id, order))
            }
          >
            {indicatorItem(criterion)}
          </SortableList>
          {editable ? (
            <Button
              label="app.evaluation.framework.addIndicator"
              onClick={() => setEditing({ what: 'indicator', criterionId: criterion.id })}
              size="small"
            >
              <AddIcon />
            </Button>
          ) : null}
        </Box>
      </Paper>
    );
  };

  const dimensionItem = (dimension: Dimension, handle: ReactNode) => {
    const name = pick(dimension.title);
    return (
      <Paper
        role="treeitem"
        aria-level={1}
        aria-label={name}
        data-testid="framework-dimension"
        data-id={dimension.id}
        sx={{ p: 2, mb: 2 }}
      >
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          {handle}
          <Typography variant="h6" component="h3">
            {dimension.position}. {name}
          </Typography>
          {editable ? (
            <ItemActions
              name={name}
              onEdit={() => setEditing({ what: 'dimension', dimension })}
              onDelete={() => setDeleting({ what: 'dimension', id: dimension.id, name })}
            />
          ) : null}
        </Stack>
        {dimension.description ? (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
            {pick(dimension.description)}
          </Typography>
        ) : null}
        <GapAlert messages={gapsAt.get(dimension.id)} />
        <Box role="group" aria-label={translate('app.evaluation.framework.criteriaOf', { name })}>
          {dimension.criteria.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('app.evaluation.framework.noCriteria')}
            </Typography>
          ) : null}
          <SortableList
            items={dimension.criteria}
            enabled={editable}
            nameOf={(criterion) => pick(criterion.title)}
            onReorder={(order) =>
              reorder.mutateAsync(() => frameworkApi.reorderCriteria(frameworkId, dimension.id, order))
            }
          >
            {criterionItem(dimension)}
          </SortableList>
          {editable ? (
            <Button
              label="app.evaluation.framework.addCriterion"
              onClick={() => setEditing({ what: 'criterion', dimensionId: dimension.id })}
              sx={{ mt: 1 }}
            >
              <AddIcon />
            </Button>
          ) : null}
        </Box>
      </Paper>
    );
  };

  return (
    <Box>
      <Box role="tree" aria-label={translate('app.evaluation.framework.tree')} data-testid="framework-tree">
        {framework.dimensions.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.evaluation.framework.noDimensions')}
          </Typography>
        ) : null}
        <SortableList
          items={framework.dimensions}
          enabled={editable}
          nameOf={(dimension) => pick(dimension.title)}
          onReorder={(order) => reorder.mutateAsync(() => frameworkApi.reorderDimensions(frameworkId, order))}
        >
          {dimensionItem}
        </SortableList>
      </Box>
      {editable ? (
        <Button
          label="app.evaluation.framework.addDimension"
          variant="outlined"
          onClick={() => setEditing({ what: 'dimension' })}
        >
          <AddIcon />
        </Button>
      ) : null}

      <ItemDialog<DimensionValues>
        open={editing?.what === 'dimension'}
        onClose={() => setEditing(null)}
        title={
          editing?.what === 'dimension' && editing.dimension
            ? 'app.evaluation.framework.editDimension'
            : 'app.evaluation.framework.addDimension'
        }
        values={dimensionValues(editing?.what === 'dimension' ? editing.dimension : undefined)}
        save={(values) =>
          saveDimension.mutateAsync({ id: editing?.what === 'dimension' ? editing.dimension?.id : undefined, values })
        }
      >
        <TitleDescriptionInputs />
      </ItemDialog>

      <ItemDialog<CriterionValues & { dimensionId?: string }>
        open={editing?.what === 'criterion'}
        onClose={() => setEditing(null)}
        title={
          editing?.what === 'criterion' && editing.criterion
            ? 'app.evaluation.framework.editCriterion'
            : 'app.evaluation.framework.addCriterion'
        }
        values={
          editing?.what === 'criterion'
            ? { ...criterionValues(editing.criterion), dimensionId: editing.dimensionId }
            : criterionValues()
        }
        save={(values) =>
          editing?.what === 'criterion'
            ? saveCriterion.mutateAsync({ id: editing.criterion?.id, dimensionId: editing.dimensionId, values })
            : Promise.resolve()
        }
      >
        <CriterionInputs />
        {editing?.what === 'criterion' && editing.criterion ? (
          <SelectInput
            source="dimensionId"
            label="resources.frameworks.fields.dimensionId"
            choices={dimensionChoices}
            helperText="app.evaluation.framework.moveCriterionHint"
            sx={{ flex: '1 1 100%' }}
          />
        ) : null}
      </ItemDialog>

      <ItemDialog<IndicatorValues>
        open={editing?.what === 'indicator'}
        onClose={() => setEditing(null)}
        title={
          editing?.what === 'indicator' && editing.indicator
            ? 'app.evaluation.framework.editIndicator'
            : 'app.evaluation.framework.addIndicator'
        }
        values={indicatorValues(editing?.what === 'indicator' ? editing.indicator : undefined)}
        save={(values) =>
          editing?.what === 'indicator'
            ? saveIndicator.mutateAsync({ id: editing.indicator?.id, criterionId: editing.criterionId, values })
            : Promise.resolve()
        }
      >
        <IndicatorInputs />
      </ItemDialog>

      <Confirm
        isOpen={deleting !== null}
        loading={remove.isPending}
        title={`app.evaluation.framework.delete.${deleting?.what ?? 'dimension'}`}
        titleTranslateOptions={{ name: deleting?.name ?? '' }}
        content={`app.evaluation.framework.delete.${deleting?.what ?? 'dimension'}Content`}
        confirmColor="warning"
        onConfirm={() => {
          if (deleting) remove.mutate(deleting, { onSettled: () => setDeleting(null) });
        }}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};
