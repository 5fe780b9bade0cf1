// Chart.js, registered once with only the parts the numbers screen draws (bars and a line),
// so the chunk stays small. Animations are off: the figures are read, not watched, and a
// printout must show the finished chart.
import {
  BarElement, CategoryScale, Chart, Legend, LineElement, LinearScale, PointElement, Title, Tooltip,
} from 'chart.js';

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Legend, Title, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'inherit';
Chart.defaults.maintainAspectRatio = false;

/** Colours that stay apart in print and for the common colour-vision deficiencies. */
export const SERIES_COLOURS = ['#1f5f8b', '#d9822b', '#4d8f3a', '#8e44ad', '#c0392b', '#7f8c8d'];
