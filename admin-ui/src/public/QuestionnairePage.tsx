import type {
  StakeholderCriterion,
  StakeholderQuestion,
  StakeholderQuestionnaire,
  StakeholderRelation,
} from '@convergences/contracts';
import { stakeholderRelations } from '@convergences/contracts';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Container,
  FormControl,
  FormControlLabel,
  FormLabel,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { LinkBase, LocalesMenuButton, useLocaleState, useLocation, useParams, useTranslate } from 'react-admin';
import { useTranslatedText } from '../common';
import { publicApi, PublicProblem } from './publicApi';

const MAX_COMMENT_LENGTH = 2_000;
const m = (key: string) => `app.evaluation.questionnaire.${key}`;

/** What a refusal means for a respondent, in their words. */
const useProblemText = () => {
  const translate = useTranslate();
  return (error: unknown): string => {
    if (!(error instanceof PublicProblem)) return translate(m('failed'));
    if (error.status === 0) return translate('app.errors.network');
    if (error.status === 429) {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 3600) / 60));
      const wait =
        minutes < 120
          ? translate(m('minutes'), { smart_count: minutes })
          : translate(m('hours'), { smart_count: Math.ceil(minutes / 60) });
      return translate(m('tooMany'), { wait });
    }
    if (error.status === 409 && error.problem.code === 'campaign_state') return translate(m('notOpen'));
    if (error.status === 404) return translate(m('notFound'));
    return error.message || translate(m('failed'));
  };
};

/** One question: a level scale as its levels (label and what each means), or a yes/no. */
const Question = ({
  question,
  value,
  onChange,
}: {
  question: StakeholderQuestion;
  value: number | boolean | undefined;
  onChange: (value: number | boolean) => void;
}) => {
  const translate = useTranslate();
  const text = useTranslatedText();
  const labelId = `question-${question.indicatorId}`;
  return (
    <FormControl component="fieldset" sx={{ display: 'block', mt: 2 }} data-testid="questionnaire-question">
      <FormLabel id={labelId} component="legend" sx={{ color: 'text.primary', fontWeight: 500 }}>
        {text(question.title)}
      </FormLabel>
      {question.description ? (
        <Typography variant="body2" color="text.secondary">
          {text(question.description)}
        </Typography>
      ) : null}
      {question.kind === 'level_scale' ? (
        <RadioGroup
          aria-labelledby={labelId}
          value={value === undefined ? '' : String(value)}
          onChange={(event) => onChange(Number(event.target.value))}
        >
          {question.levels.map((level) => (
            <FormControlLabel
              key={level.value}
              value={String(level.value)}
              control={<Radio />}
              sx={{ alignItems: 'flex-start', mt: 0.5, '& .MuiRadio-root': { pt: 0.5 } }}
              label={
                <Box>
                  <Typography>{text(level.label)}</Typography>
                  {level.descriptor ? (
                    <Typography variant="body2" color="text.secondary">
                      {text(level.descriptor)}
                    </Typography>
                  ) : null}
                </Box>
              }
            />
          ))}
        </RadioGroup>
      ) : (
        <RadioGroup
          row
          aria-labelledby={labelId}
          value={value === undefined ? '' : String(value)}
          onChange={(event) => onChange(event.target.value === 'true')}
        >
          <FormControlLabel value="true" control={<Radio />} label={translate(m('yes'))} />
          <FormControlLabel value="false" control={<Radio />} label={translate(m('no'))} />
        </RadioGroup>
      )}
    </FormControl>
  );
};

const Criterion = ({
  criterion,
  answers,
  onAnswer,
}: {
  criterion: StakeholderCriterion;
  answers: Record<string, number | boolean>;
  onAnswer: (indicatorId: string, value: number | boolean) => void;
}) => {
  const text = useTranslatedText();
  return (
    <Box component="section" sx={{ mt: 3 }}>
      <Typography variant="h6" component="h3">
        {text(criterion.title)}
      </Typography>
      {criterion.description ? (
        <Typography variant="body2" color="text.secondary">
          {text(criterion.description)}
        </Typography>
      ) : null}
      {criterion.questions.map((question) => (
        <Question
          key={question.indicatorId}
          question={question}
          value={answers[question.indicatorId]}
          onChange={(value) => onAnswer(question.indicatorId, value)}
        />
      ))}
    </Box>
  );
};

/** The questions about one subject, and the response: nothing is asked of who answers. */
const ResponseForm = ({ questionnaire }: { questionnaire: StakeholderQuestionnaire }) => {
  const translate = useTranslate();
  const [locale = 'fr'] = useLocaleState();
  const problemText = useProblemText();
  const subject = questionnaire.subject!;
  const [answers, setAnswers] = useState<Record<string, number | boolean>>({});
  const [relation, setRelation] = useState<StakeholderRelation | ''>('');
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () =>
      publicApi.respond(
        questionnaire.campaignId,
        {
          subjectId: subject.id,
          relation: relation as StakeholderRelation,
          answers: Object.entries(answers).map(([indicatorId, value]) => ({ indicatorId, value })),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
        locale,
      ),
  });
  const back = `/questionnaire/${questionnaire.campaignId}`;

  if (send.isSuccess) {
    return (
      <Box data-testid="questionnaire-thanks">
        <Alert severity="success" sx={{ mt: 2 }}>
          {translate(m('thanks'), { name: subject.name })}
        </Alert>
        <Button component={LinkBase} to={back} sx={{ mt: 2 }}>
          {translate(m('another'))}
        </Button>
      </Box>
    );
  }
  const answered = Object.keys(answers).length;
  return (
    <Box
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <Typography variant="h5" component="h2" sx={{ mt: 1 }}>
        {translate(m('about'), { name: subject.name })}
      </Typography>
      <Button component={LinkBase} to={back} size="small" sx={{ mt: 1 }}>
        {translate(m('otherSubject'))}
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate(m('anonymous'))}
      </Typography>
      {questionnaire.criteria.length === 0 ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate(m('noQuestions'))}
        </Alert>
      ) : (
        <>
          {questionnaire.criteria.map((criterion) => (
            <Criterion
              key={criterion.criterionId}
              criterion={criterion}
              answers={answers}
              onAnswer={(indicatorId, value) => setAnswers((current) => ({ ...current, [indicatorId]: value }))}
            />
          ))}
          <FormControl component="fieldset" sx={{ display: 'block', mt: 3 }} required>
            <FormLabel id="questionnaire-relation" component="legend" sx={{ color: 'text.primary', fontWeight: 500 }}>
              {translate(m('relation'), { name: subject.name })}
            </FormLabel>
            <RadioGroup
              row
              aria-labelledby="questionnaire-relation"
              value={relation}
              onChange={(event) => setRelation(event.target.value as StakeholderRelation)}
            >
              {stakeholderRelations.map((choice) => (
                <FormControlLabel
                  key={choice}
                  value={choice}
                  control={<Radio />}
                  label={translate(m(`relations.${choice}`))}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            label={translate(m('comment'))}
            helperText={translate(m('commentHint'))}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            slotProps={{ htmlInput: { maxLength: MAX_COMMENT_LENGTH } }}
            sx={{ mt: 3 }}
          />
          {send.isError ? (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {problemText(send.error)}
            </Alert>
          ) : null}
          <Stack direction="row" spacing={2} sx={{ mt: 3, alignItems: 'center' }}>
            <Button type="submit" variant="contained" disabled={send.isPending || answered === 0 || !relation}>
              {translate(m('send'))}
            </Button>
            {answered === 0 || !relation ? (
              <Typography variant="body2" color="text.secondary">
                {translate(m('sendHint'))}
              </Typography>
            ) : null}
          </Stack>
        </>
      )}
    </Box>
  );
};

/** The subjects of the campaign, to choose the one to give one's view on. */
const SubjectChoice = ({ questionnaire }: { questionnaire: StakeholderQuestionnaire }) => {
  const translate = useTranslate();
  if (questionnaire.subjects.length === 0) {
    return <Alert severity="info">{translate(m('noSubjects'))}</Alert>;
  }
  return (
    <Box>
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate(m('choose'))}
      </Typography>
      <List>
        {questionnaire.subjects.map((subject) => (
          <ListItemButton
            key={subject.id}
            component={LinkBase}
            to={`/questionnaire/${questionnaire.campaignId}?subjectId=${encodeURIComponent(subject.id)}`}
            data-testid="questionnaire-subject"
          >
            <ListItemText primary={subject.name} />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
};

/**
 * The public questionnaire of a campaign's stakeholders (regards des parties prenantes), at
 * `#/questionnaire/{campaignId}[?subjectId=]`: outside the back office's layout, for anyone,
 * signed in or not — its requests carry no token, and nothing about the respondent is asked.
 */
export const QuestionnairePage = () => {
  const translate = useTranslate();
  const text = useTranslatedText();
  const [locale = 'fr'] = useLocaleState();
  const problemText = useProblemText();
  const { campaignId = '' } = useParams<{ campaignId: string }>();
  const subjectId = new URLSearchParams(useLocation().search).get('subjectId') ?? undefined;
  const { data, error, isPending } = useQuery({
    queryKey: ['stakeholder-questionnaire', campaignId, subjectId ?? null, locale],
    queryFn: () => publicApi.questionnaire(campaignId, subjectId, locale),
    retry: false,
  });
  return (
    <Container maxWidth="md" sx={{ py: 4 }}>
      <Paper sx={{ p: { xs: 2, sm: 4 } }}>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <Typography variant="overline" color="text.secondary">
            {translate(m('kicker'))}
          </Typography>
          <LocalesMenuButton />
        </Stack>
        {isPending ? (
          <CircularProgress aria-label={translate('ra.page.loading')} />
        ) : error ? (
          <Alert severity="warning" data-testid="questionnaire-problem">
            {problemText(error)}
          </Alert>
        ) : (
          <>
            <Typography variant="h4" component="h1">
              {text(data.title)}
            </Typography>
            {data.description ? <Typography sx={{ mt: 1 }}>{text(data.description)}</Typography> : null}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate(m('until'), { date: new Date(`${data.endsOn}T12:00:00`).toLocaleDateString(locale) })}
            </Typography>
            {data.subject ? (
              <ResponseForm key={data.subject.id} questionnaire={data} />
            ) : (
              <SubjectChoice questionnaire={data} />
            )}
          </>
        )}
      </Paper>
    </Container>
  );
};
