import type { forecastEn } from './forecast.en';
import type { Message } from './t';

/** The forecast band and anomaly marks in Persian; the same keys as forecast.en.ts. */
export const forecastFa: Partial<Record<keyof typeof forecastEn, Message>> = {
  'forecast.band': 'پیش‌بینی',
  'forecast.backtest': 'خطای آزمون گذشته {pct}',
  'forecast.noBacktest': 'خطای آزمون گذشته: دوره‌ای برای سنجش نیست',
  'forecast.caption': 'پیش‌بینی ({method}): {backtest}',
  'forecast.explain':
    'میانگین درصد خطای مطلق پیش‌بینی‌های یک‌دوره‌جلوتر در {n} دورهٔ آخر، هر یک از روی دوره‌های پیش از آن. نوار ±۱٫۲۸ برابر ریشهٔ میانگین مربع همین خطاهاست و h دوره جلوتر √h برابر پهن‌تر می‌شود (حدود ۸۰٪ خطاهای گذشته درون آن است).',
  'forecast.method.seasonalNaive': 'همان دورهٔ فصل قبل',
  'forecast.method.holtWinters': 'هولت–وینترز',
  'forecast.method.linear': 'روند خطی',
  'anomaly.series': 'ناهنجاری',
  'anomaly.mark': '!',
  'anomaly.label': 'ناهنجاری',
  'anomaly.rule':
    'ناهنجاری: {actual} بیرون از بازهٔ انتظار {lo} تا {hi} است (انتظار: {expected}). قاعده: دوره‌ای نشان می‌خورد که بیش از ۴ انحراف معیار مقاوم (۱٫۴۸۲۶ × میانهٔ انحراف مطلق خطاها) با پیش‌بینیِ ساخته‌شده از دوره‌های پیش از آن فاصله داشته باشد.',
};
