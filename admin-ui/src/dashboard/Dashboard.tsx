import { Alert, AlertTitle, Box, Card, CardActions, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import type { SvgIconComponent } from '@mui/icons-material';
import ProcessIcon from '@mui/icons-material/Campaign';
import ProposalIcon from '@mui/icons-material/Lightbulb';
import ValuationIcon from '@mui/icons-material/FactCheck';
import ModerationIcon from '@mui/icons-material/Flag';
import DebateIcon from '@mui/icons-material/Forum';
import {
  Button,
  LinkBase,
  type Identifier,
  type SortPayload,
  Title,
  useGetIdentity,
  useGetList,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { type Identity, isAdmin, type Permissions } from '../authProvider';
import { displayNameOf, useMe, useTranslatedText } from '../common';
import { administeredProcessesOf, isDebateAdmin } from '../debates';
import { isModerator } from '../moderation';
import { isValuator } from '../proposals/valuations';
import type { Me } from '../types';
import { MyEvaluationsCard } from './MyEvaluationsCard';

const newestFirst: SortPayload = { field: 'createdAt', order: 'DESC' };

/** A count read from a list's `meta.total` (one item fetched, in an order the list's API knows). */
const CountCard = ({
  resource,
  label,
  icon: Icon,
  sort = newestFirst,
}: {
  resource: string;
  label: string;
  icon: SvgIconComponent;
  sort?: SortPayload;
}) => {
  const translate = useTranslate();
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, sort });
  return (
    <Card sx={{ flex: '1 1 240px' }} variant="outlined">
      <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Icon color="primary" sx={{ fontSize: 40 }} />
        <Box>
          <Typography variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography variant="h4" component="p" data-testid={`count-${resource}`}>
            {isPending ? <Skeleton width={48} /> : error ? translate('app.dashboard.unavailable') : (total ?? 0)}
          </Typography>
        </Box>
      </CardContent>
      <CardActions>
        <Button component={LinkBase} label="app.dashboard.seeAll" to={`/${resource}`} />
      </CardActions>
    </Card>
  );
};

/** The processes a process's admin runs, each with a link to its debates. */
const AdministeredProcessesCard = ({ me }: { me: Me | undefined }) => {
  const translate = useTranslate();
  const pick = useTranslatedText();
  const debatesOf = (processId: Identifier) => ({
    pathname: '/debates',
    search: `?filter=${encodeURIComponent(JSON.stringify({ processId }))}`,
  });
  return (
    <Card sx={{ flex: '1 1 240px' }} variant="outlined" data-testid="administered-processes">
      <CardContent sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <DebateIcon color="primary" sx={{ fontSize: 40 }} />
        <Box>
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.administeredProcesses')}
          </Typography>
          {administeredProcessesOf(me).map((process) => (
            <Box key={process.processId}>
              <Button
                component={LinkBase}
                label={translate('app.dashboard.debatesOf', { process: pick(process.title) })}
                to={debatesOf(process.processId)}
              />
            </Box>
          ))}
        </Box>
      </CardContent>
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions, isPending: permissionsPending } = usePermissions<Permissions>();
  const { me } = useMe();
  const username = (identity as Identity | undefined)?.username ?? '';
  const name = displayNameOf(me) ?? String(identity?.fullName ?? username);
  // Someone with any screen of the back office gets its cards; others, what the back office holds for them.
  const hasScreens =
    isAdmin(permissions) || isValuator(permissions) || isModerator(permissions) || isDebateAdmin(permissions);

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.dashboard.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.dashboard.welcome', { name })}
          </Typography>
          {username ? (
            <Typography variant="body1" color="text.secondary">
              {translate('app.dashboard.signedInAs', { username })}
            </Typography>
          ) : null}
          {!permissionsPending && isAdmin(permissions) ? (
            <Typography variant="body1" sx={{ mt: 1 }}>
              {translate('app.dashboard.intro')}
            </Typography>
          ) : null}
          {!permissionsPending && !isAdmin(permissions) && isValuator(permissions) ? (
            <Typography variant="body1" sx={{ mt: 1 }}>
              {translate('app.dashboard.valuatorIntro')}
            </Typography>
          ) : null}
          {!permissionsPending && !isAdmin(permissions) && isDebateAdmin(permissions) ? (
            <Typography variant="body1" sx={{ mt: 1 }}>
              {translate('app.dashboard.processAdminIntro')}
            </Typography>
          ) : null}
          {!permissionsPending && !isAdmin(permissions) && isModerator(permissions) ? (
            <Typography variant="body1" sx={{ mt: 1 }}>
              {translate('app.dashboard.moderatorIntro')}
            </Typography>
          ) : null}
        </CardContent>
      </Card>
      {permissionsPending || !hasScreens ? null : (
        <Stack direction="row" sx={{ mt: 2, gap: 2, flexWrap: 'wrap' }}>
          {isAdmin(permissions) ? (
            <>
              <CountCard resource="processes" label="app.dashboard.processes" icon={ProcessIcon} />
              <CountCard resource="proposals" label="app.dashboard.proposals" icon={ProposalIcon} />
            </>
          ) : null}
          {isValuator(permissions) ? (
            <CountCard
              resource="valuations"
              label="app.dashboard.valuations"
              icon={ValuationIcon}
              sort={{ field: 'recent', order: 'ASC' }}
            />
          ) : null}
          {isModerator(permissions) ? (
            // The queue's default: content with pending reports, most reported first.
            <CountCard
              resource="moderations"
              label="app.dashboard.moderations"
              icon={ModerationIcon}
              sort={{ field: 'id', order: 'ASC' }}
            />
          ) : null}
          {!isAdmin(permissions) && isDebateAdmin(permissions) ? <AdministeredProcessesCard me={me} /> : null}
        </Stack>
      )}
      {permissionsPending || hasScreens ? null : (
        <Alert severity="info" sx={{ mt: 2 }}>
          <AlertTitle>{translate('app.evaluation.assess.dashboard.noScreensTitle')}</AlertTitle>
          {translate('app.evaluation.assess.dashboard.noScreens')}
        </Alert>
      )}
      {/* Evaluations involve more than admins: members of the subjects, peers, the committee. */}
      <MyEvaluationsCard />
    </Box>
  );
};
