"""The agency scorecard (bảng điểm): counts, score and rank per agency for a period."""
