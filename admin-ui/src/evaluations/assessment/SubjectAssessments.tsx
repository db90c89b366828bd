import type { Campaign, Subject } from '@convergences/contracts';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Button, LinkBase, useGetOne, useTranslate } from 'react-admin';
import { LocaleDateField, QueryList } from '../../common';
import { assessmentApi } from './assessmentApi';
import { StartAssessmentButtons } from './StartAssessmentButtons';

/**
 * A subject's assessments on its page: the ones the caller writes, to start or go on with, and
 * every one they read (drafts included), to open.
 */
export const SubjectAssessments = ({ subject }: { subject: Subject }) => {
  const translate = useTranslate();
  const campaign = useGetOne<Campaign>('campaigns', { id: subject.campaignId });
  const assessments = useQuery({
    queryKey: ['campaign-subjects', subject.campaignId, subject.id, 'assessments'],
    queryFn: () => assessmentApi.ofSubject(subject.campaignId, subject.id),
  });
  return (
    <Box component="section" sx={{ mt: 3 }} data-testid="subject-assessments">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.evaluation.assess.subjectAssessments')}
      </Typography>
      {campaign.data ? <StartAssessmentButtons subject={subject} campaignStatus={campaign.data.status} /> : null}
      <Box sx={{ mt: 1 }}>
        <QueryList
          items={assessments.data}
          isPending={assessments.isPending}
          error={assessments.error}
          unavailable="app.evaluation.assess.subjectAssessmentsUnavailable"
          none="app.evaluation.assess.noAssessments"
        >
          {(items) => (
            <Table size="small" aria-label={translate('app.evaluation.assess.subjectAssessments')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.evaluation.assess.kindColumn')}</TableCell>
                  <TableCell>{translate('app.evaluation.assess.statusColumn')}</TableCell>
                  <TableCell>{translate('app.evaluation.assess.answered')}</TableCell>
                  <TableCell>{translate('app.evaluation.assess.updatedAt')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((item) => (
                  <TableRow key={item.id} data-testid="subject-assessment">
                    <TableCell>
                      {translate(`app.evaluation.assess.kind.${item.kind}`)}
                      {item.authorName ? ` — ${item.authorName}` : ''}
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={item.status === 'submitted' ? 'success' : 'default'}
                        label={translate(`app.evaluation.assess.status.${item.status}`)}
                      />
                    </TableCell>
                    <TableCell>{item.answeredCriteria}</TableCell>
                    <TableCell>
                      <LocaleDateField record={item} source="updatedAt" showTime />
                    </TableCell>
                    <TableCell align="right">
                      <Button component={LinkBase} to={`/assessments/${item.id}`} label="app.evaluation.assess.open" />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </QueryList>
      </Box>
    </Box>
  );
};
