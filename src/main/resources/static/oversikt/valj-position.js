/*
 * karta.html: pick a position for a place of the situation picture (Camunda Forms cannot show a map). A click puts a
 * marker and writes its latitude and longitude (WGS 84, six decimals, with a decimal point as the form's number fields take them)
 * into two fields to copy into the form.
 */
import { $ } from '../gemensamt/dom.js';
import { api } from '../gemensamt/api.js';

const SWEDEN = [62.0, 15.0];

function degrees(value) {
  return value.toFixed(6);
}

async function start() {
  let background = { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap-bidragsgivare' };
  try {
    background = await api('/api/map');
  } catch (ignored) {
    // not logged in: OpenStreetMap's tiles, the default
  }
  const map = window.L.map('karta').setView(SWEDEN, 5);
  window.L.tileLayer(background.tileUrl, { attribution: background.attribution, maxZoom: 19 }).addTo(map);
  let marker = null;
  map.on('click', (event) => {
    if (marker) {
      marker.setLatLng(event.latlng);
    } else {
      marker = window.L.circleMarker(event.latlng, { radius: 9, color: '#b42318', className: 'vald-position' })
        .addTo(map);
    }
    $('latitud').value = degrees(event.latlng.lat);
    $('longitud').value = degrees(event.latlng.lng);
    $('meddelande').textContent = 'Vald position: latitud ' + $('latitud').value + ', longitud '
      + $('longitud').value + '.';
  });
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const field = $(button.dataset.copy);
      try {
        await navigator.clipboard.writeText(field.value);
        $('meddelande').textContent = 'Kopierat: ' + field.value;
      } catch (ignored) {
        field.select();
        $('meddelande').textContent = 'Markera värdet och kopiera det med Ctrl+C.';
      }
    });
  }
}

window.addEventListener('load', start);
