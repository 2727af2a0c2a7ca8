/*
 * The municipality's places on a map (issue 17), with Leaflet (bundled at build time, /vendor/leaflet/). Every
 * place with a position is a circle marker: hot spots (a place that comes back in another year, or that both parties
 * named) larger and red. The same places are listed in a table below the map, for keyboards and screen readers and
 * for places without a position. Names and descriptions reach the page as text only (textContent, text nodes).
 */
import { $, el, clear } from '../gemensamt/dom.js';
import { api } from '../gemensamt/api.js';

export function placesMap() {
  let map = null;
  let layer = null;

  async function load(data) {
    const answer = await api('/api/tenants/' + encodeURIComponent(data.tenantId) + '/places');
    renderTable(answer.places, data.year);
    renderMap(answer, data.year);
  }

  function renderMap(answer, year) {
    const positioned = answer.places.filter((p) => p.latitude !== null && p.longitude !== null);
    $('karta-text').textContent = positioned.length === 0
      ? 'Ingen plats i kommunens lägesbilder har en position än.'
      : positioned.length + ' platser med position, varav ' + positioned.filter((p) => p.hotSpot).length
        + ' hot spots. Årets platser (' + year + ') är heldragna, tidigare års streckade.';
    if (!window.L) {
      return;
    }
    if (!map) {
      map = window.L.map('karta', { scrollWheelZoom: false });
      window.L.tileLayer(answer.tileUrl, { attribution: answer.attribution, maxZoom: 19 }).addTo(map);
    }
    if (layer) {
      layer.remove();
    }
    layer = window.L.featureGroup();
    for (const place of positioned) {
      const current = place.year === year;
      const marker = window.L.circleMarker([place.latitude, place.longitude], {
        radius: place.hotSpot ? 11 : 7,
        color: place.hotSpot ? '#b42318' : '#1d4f91',
        weight: 2,
        dashArray: current ? null : '4 3',
        fillOpacity: current ? 0.6 : 0.2,
        className: 'plats-markor' + (place.hotSpot ? ' hot-spot' : '') + (current ? ' i-ar' : ' tidigare-ar')
      });
      marker.bindPopup(() => popup(place));
      // an element, not a string: Leaflet writes a string as HTML
      marker.bindTooltip(el('span', {}, place.name + ' (' + place.year + ')'));
      layer.addLayer(marker);
    }
    layer.addTo(map);
    if (positioned.length > 0) {
      map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 16 });
    } else {
      map.setView([62.0, 15.0], 4);
    }
  }

  function popup(place) {
    return el('div', { className: 'plats-popup' },
      el('strong', {}, place.name),
      el('p', {}, place.kindName + ' · ' + place.party + ' ' + place.year),
      place.description ? el('p', {}, place.description) : null,
      place.hotSpot ? el('p', { className: 'hot-spot-text' }, 'Hot spot: ' + place.hotSpotReasons.join('; ')) : null);
  }

  function renderTable(places, year) {
    const body = clear(document.querySelector('#platstabell tbody'));
    document.querySelector('#platstabell').hidden = places.length === 0;
    for (const p of places) {
      body.append(el('tr', { className: p.hotSpot ? 'hot-spot' : '', 'data-year': String(p.year) },
        el('td', {}, p.name, p.hotSpot ? el('span', { className: 'sub hot-spot-text' },
          'Hot spot: ' + p.hotSpotReasons.join('; ')) : null),
        el('td', {}, p.kindName),
        el('td', {}, p.party),
        el('td', {}, String(p.year) + (p.year === year ? ' (i år)' : '')),
        el('td', {}, p.description || el('span', { className: 'muted' }, '–')),
        el('td', { className: 'nowrap' }, p.latitude !== null && p.longitude !== null
          ? p.latitude + ', ' + p.longitude : el('span', { className: 'muted' }, 'Ingen position'))));
    }
  }

  return { load };
}
