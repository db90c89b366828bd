import type { CampaignResults } from '@convergences/contracts';
import {
  Alert,
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { LinkBase, Title, useParams, useTranslate } from 'react-admin';
import { problemMessage, useTranslatedText } from '../common';
import { resultsApi } from './resultsApi';
import { ScoreBadge } from './ScoreCell';
import { colourOf, formatChange, formatScore, NO_SCORE, SCORE_BANDS } from './scoreScale';

type CriterionColumn = CampaignResults['criteria'][number];

/** The colours of the heat map, band by band, and of a missing score. */
const HeatMapLegend = () => {
  const translate = useTranslate();
  return (
    <Stack
      direction="row"
      component="ul"
      aria-label={translate('app.evaluation.campaignResults.legend')}
      data-testid="heat-map-legend"
      sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
    >
      {SCORE_BANDS.map((band, index) => (
        <Stack component="li" direction="row" key={band.from} sx={{ alignItems: 'center', gap: 0.5 }}>
          <Box sx={{ width: 18, height: 18, borderRadius: 0.5, backgroundColor: band.background }} />
          <Typography variant="caption">
            {band.from}–{index === SCORE_BANDS.length - 1 ? 100 : band.from + 20}
          </Typography>
        </Stack>
      ))}
      <Stack component="li" direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
        <Box sx={{ width: 18, height: 18, borderRadius: 0.5, backgroundColor: NO_SCORE.background }} />
        <Typography variant="caption">{translate('app.evaluation.campaignResults.noScore')}</Typography>
      </Stack>
    </Stack>
  );
};

/**
 * Subjects × criteria, each cell the subject's score on the criterion (peers', else self),
 * coloured by fifth. Subjects that did not agree to be named show as `Structure n`.
 */
const HeatMap = ({ results, campaignId }: { results: CampaignResults; campaignId: string }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const code = (index: number) => `C${index + 1}`;
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.evaluation.campaignResults.heatMap')}
      </Typography>
      <TableContainer sx={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Table
          size="small"
          data-testid="heat-map"
          aria-label={translate('app.evaluation.campaignResults.heatMap')}
          sx={{ width: 'auto', '& td, & th': { px: 0.75 } }}
        >
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {translate('app.evaluation.campaignResults.subject')}
              </TableCell>
              {results.criteria.map((criterion, index) => (
                <TableCell key={criterion.criterionId} component="th" scope="col" align="center">
                  <Tooltip title={pick(criterion.title)}>
                    <abbr title={pick(criterion.title)} style={{ textDecoration: 'none', cursor: 'help' }}>
                      {code(index)}
                    </abbr>
                  </Tooltip>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {results.subjects.map((subject) => (
              <TableRow key={subject.subjectId ?? subject.label} data-testid="heat-map-row">
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  {subject.subjectId ? (
                    <LinkBase to={`/campaigns/${campaignId}/subjects/${subject.subjectId}/results`}>
                      {subject.label}
                    </LinkBase>
                  ) : (
                    subject.label
                  )}
                </TableCell>
                {results.criteria.map((criterion) => {
                  const score = subject.scores[criterion.criterionId] ?? null;
                  const { background, color } = colourOf(score);
                  return (
                    <TableCell
                      key={criterion.criterionId}
                      align="center"
                      data-score={score ?? ''}
                      aria-label={`${subject.label} — ${pick(criterion.title)} : ${formatScore(score)}`}
                      sx={{
                        backgroundColor: background,
                        color,
                        fontWeight: 600,
                        minWidth: 44,
                        border: '1px solid #fff',
                      }}
                    >
                      {formatScore(score)}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <HeatMapLegend />
      <Box component="ol" sx={{ mt: 1, pl: 3, columns: { md: 2 }, typography: 'caption' }}>
        {results.criteria.map((criterion, index) => (
          <li key={criterion.criterionId} value={index + 1}>
            {code(index)} — {pick(criterion.title)}
          </li>
        ))}
      </Box>
    </Box>
  );
};

/** How many subjects fall in each fifth, as five small bars. */
const Distribution = ({ counts, label }: { counts: number[]; label: string }) => {
  const max = Math.max(1, ...counts);
  return (
    <Stack
      direction="row"
      role="img"
      aria-label={`${label} : ${counts.join(' / ')}`}
      sx={{ alignItems: 'flex-end', gap: '2px', height: 24 }}
    >
      {counts.map((count, index) => (
        <Box
          key={index}
          title={`${index * 20}–${index * 20 + 20} : ${count}`}
          sx={{
            width: 8,
            height: `${Math.max(2, (count / max) * 24)}px`,
            backgroundColor: count ? SCORE_BANDS[index].background : NO_SCORE.background,
          }}
        />
      ))}
    </Stack>
  );
};

/** The change of a criterion's median (peers', else self) since the previous campaign. */
function changeOf(criterion: CriterionColumn): number | null {
  const now = criterion.peer.count > 0 ? criterion.peer.median : criterion.self.median;
  if (now === null || criterion.previousMedian === null) return null;
  return now - criterion.previousMedian;
}

/** Per criterion: the medians of each perspective with how many subjects they stand on, their spread, the progress. */
const CriteriaMedians = ({ results }: { results: CampaignResults }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const perspectives = ['self', 'peer', 'stakeholder'] as const;
  return (
    <Box component="section">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.evaluation.campaignResults.medians')}
      </Typography>
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          data-testid="criteria-medians"
          aria-label={translate('app.evaluation.campaignResults.medians')}
        >
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.evaluation.results.criterion')}</TableCell>
              {perspectives.map((perspective) => (
                <TableCell key={perspective} align="center">
                  {translate(`app.evaluation.perspective.${perspective}`)}
                </TableCell>
              ))}
              <TableCell align="center">{translate('app.evaluation.campaignResults.previousMedian')}</TableCell>
              <TableCell align="center">{translate('app.evaluation.campaignResults.change')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {results.criteria.map((criterion, index) => {
              const change = changeOf(criterion);
              return (
                <TableRow key={criterion.criterionId} data-testid="criterion-median" data-id={criterion.criterionId}>
                  <TableCell>
                    C{index + 1} — {pick(criterion.title)}
                  </TableCell>
                  {perspectives.map((perspective) => (
                    <TableCell key={perspective} align="center">
                      <Stack sx={{ alignItems: 'center', gap: 0.5 }}>
                        <ScoreBadge score={criterion[perspective].median} />
                        <Typography variant="caption" color="text.secondary">
                          {translate('app.evaluation.campaignResults.subjectsCount', {
                            smart_count: criterion[perspective].count,
                          })}
                        </Typography>
                        <Distribution
                          counts={criterion[perspective].distribution}
                          label={translate('app.evaluation.campaignResults.distribution')}
                        />
                      </Stack>
                    </TableCell>
                  ))}
                  <TableCell align="center">{formatScore(criterion.previousMedian)}</TableCell>
                  <TableCell
                    align="center"
                    data-testid="median-change"
                    sx={{
                      fontWeight: 600,
                      color:
                        change === null || Math.round(change) === 0
                          ? 'text.secondary'
                          : change > 0
                            ? 'success.main'
                            : 'error.main',
                    }}
                  >
                    {formatChange(change)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
};

/**
 * A campaign's results, `/campaigns/:campaignId/results`: the heat map of subjects × criteria,
 * then per criterion the medians, their spread and the change since the previous campaign.
 */
export const CampaignResultsPage = () => {
  const { campaignId = '' } = useParams();
  const translate = useTranslate();
  const {
    data: results,
    isPending,
    error,
  } = useQuery({
    queryKey: ['campaign-results', campaignId],
    queryFn: () => resultsApi.campaign(campaignId),
  });
  if (isPending) return <LinearProgress />;
  if (error || !results) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate(problemMessage(error))}
      </Alert>
    );
  }
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('app.evaluation.campaignResults.title')} />
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h5" component="h1">
          {translate('app.evaluation.campaignResults.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.evaluation.campaignResults.subjects', { smart_count: results.subjectsCount })}
        </Typography>
        <LinkBase to={`/campaigns/${campaignId}/show`}>
          {translate('app.evaluation.campaignResults.campaignLink')}
        </LinkBase>
        {results.previousCampaignId ? (
          <LinkBase to={`/campaigns/${results.previousCampaignId}/results`}>
            {translate('app.evaluation.results.previousCampaign')}
          </LinkBase>
        ) : null}
      </Stack>
      {results.subjects.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.evaluation.campaignResults.noSubjects')}
        </Typography>
      ) : (
        <HeatMap results={results} campaignId={campaignId} />
      )}
      <CriteriaMedians results={results} />
    </Box>
  );
};
