import { Button } from "./button";

/** What the row needs of a cursor-paged list (react-query's useInfiniteQuery result). */
type Paged = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** The "Load more" row under a list paged by cursor; nothing once there is no older page. */
export function LoadMore({ list, label, testId }: { list: Paged; label: string; testId?: string }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="flex justify-center border-t border-line px-5 py-3">
      <Button
        variant="secondary"
        size="sm"
        loading={list.isFetchingNextPage}
        onClick={() => void list.fetchNextPage()}
        data-testid={testId}
      >
        {label}
      </Button>
    </div>
  );
}
