// The one way a trainer reads a score: at most one decimal (87.5, 88, 100), so the leaderboard, a
// trainee's row, the tile and the class figures never round one score two ways.
export function scoreText(score: number | null | undefined): string {
  return score == null ? '—' : String(Math.round(score * 10) / 10);
}
