-- CreateIndex
CREATE INDEX "AnswerDraft_submittedAt_idx" ON "AnswerDraft"("submittedAt");

-- CreateIndex
CREATE INDEX "Case_municipalityId_postedAt_idx" ON "Case"("municipalityId", "postedAt");

-- CreateIndex
CREATE INDEX "Case_municipalityId_closedAt_idx" ON "Case"("municipalityId", "closedAt");
