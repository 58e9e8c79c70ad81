import { parseSignsArgs, SignsError } from './args';
import { makeSigns } from './make';

// `npm run signs -- --street GS --out signs.pdf`: a street's printable grid signs (一网一码).
async function main() {
  const options = parseSignsArgs(process.argv.slice(2));
  const { street, signs } = await makeSigns(options);
  console.log(`已生成 ${street.name}（“${street.brand}”）${signs.length} 个网格的码牌：${options.out}`);
}

main().catch((error: unknown) => {
  if (error instanceof SignsError) console.error(`无法生成码牌：${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
