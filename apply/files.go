package apply

import (
	"context"

	"github.com/huiqi-dev/huiqi"
	"github.com/huiqi-dev/huiqi/upload"
)

// Attach checks a file (upload.Check: type from the content, size, a safe
// name) and adds it to u's editable application id; at most MaxFiles,
// which the store counts in the transaction that adds the file.
func (s *Service) Attach(ctx context.Context, u *huiqi.User, id, name string, data []byte) (*huiqi.Attachment, error) {
	a, err := s.own(ctx, u, id, 0)
	if err != nil {
		return nil, err
	}
	if len(a.Attachments) >= MaxFiles {
		return nil, huiqi.Errorf(huiqi.EINVALID, "每份申报最多 %d 个附件，请先删除不需要的附件", MaxFiles)
	}
	f, err := upload.Check(name, data, s.Limits)
	if err != nil {
		return nil, err
	}
	att := &huiqi.Attachment{Name: f.Name, ContentType: f.ContentType, Size: f.Size, SHA256: f.SHA256}
	ev := s.entry(u, "application.attach", a.ID, map[string]any{"size": f.Size, "sha256": f.SHA256, "content_type": f.ContentType})
	if err := s.Apps.AddAttachment(ctx, a.ID, att, data, MaxFiles, ev); err != nil {
		return nil, err
	}
	return att, nil
}

// Remove removes the file fileID from u's editable application id.
func (s *Service) Remove(ctx context.Context, u *huiqi.User, id, fileID string) error {
	a, err := s.own(ctx, u, id, 0)
	if err != nil {
		return err
	}
	if !hasFile(a, fileID) {
		return huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 没有附件 %s", id, fileID)
	}
	ev := s.entry(u, "application.remove", a.ID, map[string]any{"file_id": fileID})
	return s.Apps.RemoveAttachment(ctx, a.ID, fileID, ev)
}

// File returns a file of the application id for its applicant or a
// reviewer within its region; ENOTFOUND for anyone else.
func (s *Service) File(ctx context.Context, u *huiqi.User, id, fileID string) (*huiqi.Attachment, []byte, error) {
	a, err := s.Get(ctx, u, id)
	if err != nil {
		return nil, nil, err
	}
	if !hasFile(a, fileID) {
		return nil, nil, huiqi.Errorf(huiqi.ENOTFOUND, "申报 %s 没有附件 %s", id, fileID)
	}
	return s.Apps.AttachmentData(ctx, a.ID, fileID)
}

func hasFile(a *huiqi.Application, fileID string) bool {
	for _, f := range a.Attachments {
		if f.ID == fileID {
			return true
		}
	}
	return false
}
