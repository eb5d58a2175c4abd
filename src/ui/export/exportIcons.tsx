/** Icons of the export and print actions, drawn like the rest (16 px, 1.5 stroke, currentColor). */
import { type IconProps, Svg } from '../icons';
export const DownloadIcon = ({ className }: IconProps) => (
  <Svg className={`icon ${className ?? ''}`}>
    <path d="M8 2.5v7.5M4.75 7 8 10.25 11.25 7M3 13.5h10" />
  </Svg>
);

export const PrintIcon = ({ className }: IconProps) => (
  <Svg className={`icon ${className ?? ''}`}>
    <path d="M4.5 5.5v-3h7v3M4.5 11H3V6.5h10V11h-1.5" />
    <path d="M4.5 9.5h7v4h-7z" />
  </Svg>
);
