import 'leaflet/dist/leaflet.css';
import type { OrganizationFeature, OrganizationMap as OrganizationMapAnswer } from '@convergences/contracts';
import { Alert, Box, Card, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { latLngBounds } from 'leaflet';
import { useEffect, useState } from 'react';
import { CircleMarker, MapContainer, Tooltip, useMap } from 'react-leaflet';
import { Link, useCreatePath, useListContext, useTranslate } from 'react-admin';
import { buildUrl } from '../dataProvider';

/** One colour per kind, so that networks and local organisations read apart without a legend of tiles. */
const kindColours: Record<OrganizationFeature['properties']['kind'], string> = {
  reseau: '#6a1b9a',
  association: '#1565c0',
  cooperative: '#2e7d32',
  amap: '#9e9d24',
  regie_de_quartier: '#ef6c00',
  relais_local: '#00838f',
  tiers_lieu: '#c62828',
  collectivite: '#4e342e',
  other: '#546e7a',
};

/** `GET /organizations` with `Accept: application/geo+json` (public: verified organisations only). */
async function fetchMap(filters: Record<string, unknown>): Promise<OrganizationMapAnswer> {
  const query = Object.fromEntries(
    Object.entries(filters).filter(
      ([key, value]) => ['kind', 'q', 'network', 'theme', 'territory', 'territoryId'].includes(key) && value,
    ),
  ) as Record<string, string>;
  const response = await fetch(buildUrl('/organizations', query), { headers: { Accept: 'application/geo+json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as OrganizationMapAnswer;
}

/** Frames the map on its markers whenever they change. */
const FitToFeatures = ({ features }: { features: OrganizationFeature[] }) => {
  const map = useMap();
  useEffect(() => {
    if (features.length === 0) return;
    const bounds = latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    map.fitBounds(bounds.pad(0.2), { maxZoom: 10 });
  }, [features, map]);
  return null;
};

/**
 * The verified organisations on a map, with the list filters applied. No tiles can load here, so
 * the markers sit on a plain background; the table beside them lists what the map shows.
 */
export const OrganizationMap = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [features, setFeatures] = useState<OrganizationFeature[]>([]);
  const [failed, setFailed] = useState(false);
  const filtersKey = JSON.stringify(filterValues ?? {});

  useEffect(() => {
    let active = true;
    fetchMap(JSON.parse(filtersKey) as Record<string, unknown>).then(
      (answer) => active && (setFeatures(answer.features), setFailed(false)),
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
  }, [filtersKey]);

  const showPath = (id: string) => createPath({ resource: 'organizations', id, type: 'show' });

  return (
    <Box sx={{ p: 2 }} data-testid="organization-map">
      {failed ? <Alert severity="error">{translate('app.organization.mapUnavailable')}</Alert> : null}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.organization.mapIntro', { smart_count: features.length })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <Card variant="outlined" sx={{ flex: '2 1 480px', minHeight: 480 }}>
          <MapContainer
            center={[46.6, 2.4]}
            zoom={5}
            style={{ height: 480, width: '100%', background: '#e9eef2' }}
            attributionControl={false}
          >
            <FitToFeatures features={features} />
            {features.map((feature) => (
              <CircleMarker
                key={feature.id}
                center={[feature.geometry.coordinates[1], feature.geometry.coordinates[0]]}
                radius={feature.properties.kind === 'reseau' ? 9 : 6}
                pathOptions={{ color: kindColours[feature.properties.kind], fillOpacity: 0.7 }}
              >
                <Tooltip>
                  {feature.properties.name} — {translate(`app.organization.kind.${feature.properties.kind}`)}
                </Tooltip>
              </CircleMarker>
            ))}
          </MapContainer>
        </Card>
        <Box sx={{ flex: '1 1 320px', maxHeight: 480, overflow: 'auto' }}>
          <Table size="small" aria-label={translate('app.organization.mapList')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.organizations.fields.name')}</TableCell>
                <TableCell>{translate('resources.organizations.fields.kind')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {features.map((feature) => (
                <TableRow key={feature.id}>
                  <TableCell>
                    <Box
                      component="span"
                      sx={{
                        display: 'inline-block',
                        width: 10,
                        height: 10,
                        borderRadius: '50%',
                        mr: 1,
                        bgcolor: kindColours[feature.properties.kind],
                      }}
                    />
                    <Link to={showPath(feature.id)}>{feature.properties.name}</Link>
                  </TableCell>
                  <TableCell>{translate(`app.organization.kind.${feature.properties.kind}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </Box>
    </Box>
  );
};
