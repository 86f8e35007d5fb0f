"""The words of exported debrief reports (Markdown, HTML): a catalog beside the UI's.

Kept apart from trainer/ui/messages.py only so that reports do not change while the
screens' wording is being edited; a translation replaces both.
"""

REPORT_TITLE = "Debrief: {title} · {player}"
REPORT_SUMMARY = ("{turns} of {of} weeks played, market seed {seed}. Score {score}, stars {stars}. "
                  "GMV {gmv} yuan, GPM {gpm}, GMV after refunds {net}, profit {profit}.")
REPORT_OBJECTIVES = "Objectives"
REPORT_OBJECTIVE_COLUMNS = ("Objective", "Result", "Stars", "★ / ★★ / ★★★", "")
REPORT_COMPARED = "Compared on the same market seed"
REPORT_RANK = "Rank {rank} of {of}: the player and the reference players."
REPORT_RANK_KEY = "Rank {rank} of {of}: the player, the reference players and the answer key."
REPORT_COMPARED_COLUMNS = ("Player", "Score", "Stars", "GMV", "GPM")
REPORT_PLAYER = {
    "balanced": "Balanced FACT heuristic",
    "roi_greedy": "ROI chaser (best ROI each week)",
    "even_split": "Even split",
    "answer_key": "Answer key (search)",
}
REPORT_BEST = "The weeks that made the most"
REPORT_WORST = "The weeks that lost the most"
REPORT_SWING = "Week {turn}: GMV {gmv} ({change} on the week before). {why}"
REPORT_LESSONS = "Lessons of the level, and what this game showed"
REPORT_FACT_GPM = "GPM went from {first} in week 1 to {last} in the last week (category benchmark {benchmark})."
REPORT_FACT_POOL = "The recommendation pool went from {first} to {last}."
REPORT_FACT_FANS = "Fans went from {first} to {last}."
REPORT_FACT_SHARES = "Of the money spent: {shares}; strengths {strengths}."
REPORT_FACT_QUALITY = "Highest refund rate {refunds}; lowest store rating {rating}."
REPORT_FACT_AWARENESS = "Brand awareness went from {first} to {last}."
REPORT_WEEKS = "Week by week"
REPORT_WEEK_COLUMNS = ("Week", "F", "A", "C", "T", "Strengths", "GMV", "GPM", "ROI", "Net GMV", "Profit", "Event")
