import type { CriterionResult, Narrative, Perspective, SubjectResults } from '@convergences/contracts';
import { DIVERGENCE_THRESHOLD } from '@convergences/contracts';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { RadarChart } from '@mui/x-charts/RadarChart';
import { useQuery } from '@tanstack/react-query';
import { LinkBase, Title, useLocaleState, useParams, useTranslate } from 'react-admin';
import { problemMessage, useTranslatedText } from '../common';
import { resultsApi } from './resultsApi';
import { ScoreBadge } from './ScoreCell';
import { ActionStatusChip } from './ProgressPlanChips';
import { formatScore } from './scoreScale';

const perspectives: Perspective[] = ['self', 'peer', 'stakeholder', 'committee'];

type FollowedAction = SubjectResults['actions'][number];
/** Self far above or below peers, as the API flags it. */
const DivergenceChip = ({ divergence }: { divergence: CriterionResult['divergence'] }) => {
  const translate = useTranslate();
  if (!divergence) return null;
  const above = divergence === 'self_above';
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      icon={above ? <ArrowUpwardIcon /> : <ArrowDownwardIcon />}
      label={translate(`app.evaluation.results.divergence.${divergence}`)}
      title={translate('app.evaluation.results.divergenceHint', { threshold: DIVERGENCE_THRESHOLD })}
      data-testid="divergence"
      data-divergence={divergence}
    />
  );
};

/** A narrative (récit) beside the figures: whose eyes, who (never a stakeholder), its evidence. */
const NarrativeView = ({ narrative }: { narrative: Narrative }) => {
  const translate = useTranslate();
  return (
    <Box
      component="figure"
      data-testid="narrative"
      data-perspective={narrative.perspective}
      sx={{ m: 0, mt: 1, pl: 1.5, borderLeft: 3, borderColor: 'divider' }}
    >
      <Typography component="figcaption" variant="caption" color="text.secondary">
        {translate(`app.evaluation.perspective.${narrative.perspective}`)}
        {narrative.authorName ? ` — ${narrative.authorName}` : ''}
      </Typography>
      <Typography component="blockquote" variant="body2" sx={{ m: 0, whiteSpace: 'pre-line' }}>
        {narrative.text}
      </Typography>
      {narrative.evidence.length > 0 ? (
        <Box component="ul" aria-label={translate('app.evaluation.results.evidence')} sx={{ m: 0, pl: 2 }}>
          {narrative.evidence.map((item) => (
            <li key={item.url}>
              <Link href={item.url} target="_blank" rel="noopener noreferrer" variant="body2">
                {item.label || item.url}
              </Link>
            </li>
          ))}
        </Box>
      ) : null}
    </Box>
  );
};

/** One criterion: the four perspectives' scores side by side, the previous campaign's, the stories, the actions followed. */
const CriterionCard = ({
  criterion,
  previous,
  actions,
}: {
  criterion: CriterionResult;
  previous: { self: number | null; peer: number | null } | undefined;
  actions: FollowedAction[];
}) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const title = pick(criterion.title);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="criterion-result" data-id={criterion.criterionId}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          <DivergenceChip divergence={criterion.divergence} />
        </Stack>
        <Table size="small" aria-label={translate('app.evaluation.results.scoresOf', { name: title })}>
          <TableHead>
            <TableRow>
              {perspectives.map((perspective) => (
                <TableCell key={perspective} align="center">
                  {translate(`app.evaluation.perspective.${perspective}`)}
                </TableCell>
              ))}
              {previous ? (
                <TableCell align="center">{translate('app.evaluation.results.previousSelfPeer')}</TableCell>
              ) : null}
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow>
              {perspectives.map((perspective) => (
                <TableCell key={perspective} align="center" data-perspective={perspective}>
                  <ScoreBadge score={criterion.scores[perspective]} />
                </TableCell>
              ))}
              {previous ? (
                <TableCell align="center" data-testid="previous-scores">
                  {formatScore(previous.self)} / {formatScore(previous.peer)}
                </TableCell>
              ) : null}
            </TableRow>
          </TableBody>
        </Table>
        {criterion.indicators.length > 0 ? (
          <Table
            size="small"
            sx={{ mt: 1 }}
            aria-label={translate('app.evaluation.results.indicatorsOf', { name: title })}
          >
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.evaluation.results.indicator')}</TableCell>
                <TableCell align="center">{translate('app.evaluation.perspective.self')}</TableCell>
                <TableCell align="center">{translate('app.evaluation.results.peerMedian')}</TableCell>
                <TableCell align="center">{translate('app.evaluation.results.stakeholderMedian')}</TableCell>
                <TableCell align="center">{translate('app.evaluation.perspective.committee')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {criterion.indicators.map((indicator) => (
                <TableRow key={indicator.indicatorId}>
                  <TableCell>
                    {pick(indicator.title)}{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      ({translate(`app.evaluation.kind.${indicator.kind}`)})
                    </Typography>
                  </TableCell>
                  <TableCell align="center">{indicator.self.value ?? '—'}</TableCell>
                  <TableCell align="center">
                    {indicator.peer.median ?? '—'}
                    {indicator.peer.count ? ` (n=${indicator.peer.count})` : ''}
                  </TableCell>
                  <TableCell align="center">
                    {indicator.stakeholder.median ?? '—'}
                    {indicator.stakeholder.count ? ` (n=${indicator.stakeholder.count})` : ''}
                  </TableCell>
                  <TableCell align="center">{indicator.committee.value ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {criterion.narratives.length > 0 ? (
          <Box sx={{ mt: 1 }}>
            <Typography variant="subtitle2" component="h5">
              {translate('app.evaluation.results.narratives')}
            </Typography>
            {criterion.narratives.map((narrative, index) => (
              <NarrativeView key={index} narrative={narrative} />
            ))}
          </Box>
        ) : null}
        {actions.length > 0 ? (
          <Box sx={{ mt: 1 }}>
            <Typography variant="subtitle2" component="h5">
              {translate('app.evaluation.results.actionsFollowed')}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {actions.map((action) => (
                <li key={action.id} data-testid="followed-action">
                  <Typography variant="body2" component="span" sx={{ mr: 1 }}>
                    {action.title}
                  </Typography>
                  <ActionStatusChip status={action.status} />
                </li>
              ))}
            </Box>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};

/** Self, peers, stakeholders and committee per dimension, on one radar, with the same figures as a table. */
const DimensionsRadar = ({ results }: { results: SubjectResults }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const metrics = results.dimensions.map((dimension, index) => `${index + 1}. ${pick(dimension.title)}`);
  // A perspective without any score would draw a point at the centre: it is left out.
  const shown = perspectives.filter((perspective) =>
    results.dimensions.some((dimension) => dimension.scores[perspective] !== null),
  );
  return (
    <Box
      data-testid="results-radar"
      role="figure"
      aria-label={translate('app.evaluation.results.radarLabel')}
      sx={{ flex: '1 1 420px', minWidth: 320 }}
    >
      {shown.length > 0 && metrics.length > 0 ? (
        <RadarChart
          height={380}
          series={shown.map((perspective) => ({
            id: perspective,
            label: translate(`app.evaluation.perspective.${perspective}`),
            data: results.dimensions.map((dimension) => dimension.scores[perspective] ?? 0),
            fillArea: perspective === 'self',
          }))}
          radar={{ max: 100, metrics }}
        />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.evaluation.results.noScores')}
        </Typography>
      )}
      <Table size="small" aria-label={translate('app.evaluation.results.dimensionScores')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.evaluation.results.dimension')}</TableCell>
            {perspectives.map((perspective) => (
              <TableCell key={perspective} align="center">
                {translate(`app.evaluation.perspective.${perspective}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {results.dimensions.map((dimension, index) => (
            <TableRow key={dimension.dimensionId}>
              <TableCell>{metrics[index]}</TableCell>
              {perspectives.map((perspective) => (
                <TableCell key={perspective} align="center">
                  <ScoreBadge score={dimension.scores[perspective]} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The progress actions of earlier campaigns and what became of them. */
const FollowedActions = ({ results }: { results: SubjectResults }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const [locale] = useLocaleState();
  const titleOf = new Map(results.criteria.map((criterion) => [criterion.stableId, pick(criterion.title)]));
  if (results.actions.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.evaluation.results.noActions')}
      </Typography>
    );
  }
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <Table size="small" aria-label={translate('app.evaluation.results.actions')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.evaluation.results.action')}</TableCell>
          <TableCell>{translate('app.evaluation.results.criterion')}</TableCell>
          <TableCell>{translate('app.evaluation.results.owner')}</TableCell>
          <TableCell>{translate('app.evaluation.results.dueOn')}</TableCell>
          <TableCell>{translate('app.evaluation.results.status')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {results.actions.map((action) => (
          <TableRow key={action.id}>
            <TableCell>{action.title}</TableCell>
            <TableCell>{titleOf.get(action.criterionStableId) ?? '—'}</TableCell>
            <TableCell>{action.owner}</TableCell>
            <TableCell>{date.format(new Date(`${action.dueOn}T00:00:00Z`))}</TableCell>
            <TableCell>
              <ActionStatusChip status={action.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * One subject's results (regards croisés), `/campaigns/:campaignId/subjects/:subjectId/results`:
 * the dimensions on a radar, then each criterion with its scores side by side, the divergence
 * between self and peers, the narratives and their evidence, the previous campaign's scores and
 * the progress actions followed.
 */
export const SubjectResultsPage = () => {
  const { campaignId = '', subjectId = '' } = useParams();
  const translate = useTranslate();
  const pick = useTranslatedText();
  const {
    data: results,
    isPending,
    error,
  } = useQuery({
    queryKey: ['campaign-results', campaignId, 'subjects', subjectId],
    queryFn: () => resultsApi.subject(campaignId, subjectId),
  });
  if (isPending) return <LinearProgress />;
  if (error || !results) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate(problemMessage(error))}
      </Alert>
    );
  }
  const previousOf = new Map((results.previous?.scores ?? []).map((score) => [score.stableId, score]));
  const dimensionsById = new Map(results.dimensions.map((dimension) => [dimension.dimensionId, dimension]));
  const byDimension = results.dimensions.map((dimension) => ({
    dimension,
    criteria: results.criteria.filter((criterion) => criterion.dimensionId === dimension.dimensionId),
  }));
  const orphans = results.criteria.filter((criterion) => !dimensionsById.has(criterion.dimensionId));

  const criterionCard = (criterion: CriterionResult) => (
    <CriterionCard
      key={criterion.criterionId}
      criterion={criterion}
      previous={previousOf.get(criterion.stableId)}
      actions={results.actions.filter((action) => action.criterionStableId === criterion.stableId)}
    />
  );

  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('app.evaluation.results.subjectTitle', { name: results.name })} />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h5" component="h1">
          {translate('app.evaluation.results.subjectTitle', { name: results.name })}
        </Typography>
        <LinkBase to={`/campaigns/${campaignId}/results`}>{translate('app.evaluation.results.campaignLink')}</LinkBase>
      </Stack>
      <Stack
        direction="row"
        sx={{ gap: 1, flexWrap: 'wrap', mb: 2 }}
        aria-label={translate('app.evaluation.results.counts')}
      >
        {perspectives.map((perspective) => (
          <Chip
            key={perspective}
            variant="outlined"
            data-count={perspective}
            label={translate(`app.evaluation.results.count.${perspective}`, {
              smart_count: results.counts[perspective],
            })}
          />
        ))}
      </Stack>

      <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ gap: 3, alignItems: 'flex-start' }}>
        <Box sx={{ flex: '1 1 40%', position: { lg: 'sticky' }, top: { lg: 72 }, width: { xs: '100%', lg: 'auto' } }}>
          <DimensionsRadar results={results} />
          {results.previous ? (
            <Typography variant="body2" sx={{ mt: 1 }}>
              <LinkBase to={`/campaigns/${results.previous.campaignId}/results`}>
                {translate('app.evaluation.results.previousCampaign')}
              </LinkBase>
            </Typography>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('app.evaluation.results.noPrevious')}
            </Typography>
          )}
        </Box>
        <Box sx={{ flex: '1 1 60%', minWidth: 0, width: { xs: '100%', lg: 'auto' } }}>
          {results.recommendations ? (
            <Alert severity="info" icon={false} sx={{ mb: 2 }} data-testid="recommendations">
              <Typography variant="subtitle2" component="h2">
                {translate('app.evaluation.results.recommendations')}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                {results.recommendations}
              </Typography>
            </Alert>
          ) : null}
          {byDimension.map(({ dimension, criteria }, index) => (
            <Box component="section" key={dimension.dimensionId} sx={{ mb: 2 }}>
              <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
                {index + 1}. {pick(dimension.title)}
              </Typography>
              {criteria.map(criterionCard)}
            </Box>
          ))}
          {orphans.map(criterionCard)}
          <Box component="section" sx={{ mt: 3 }}>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              {translate('app.evaluation.results.actions')}
            </Typography>
            <FollowedActions results={results} />
          </Box>
        </Box>
      </Stack>
    </Box>
  );
};
